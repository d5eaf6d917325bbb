import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { currentTrace } from '../tracing/trace-context.js';

/** The structured logger every vitamin component writes to (pino: JSON lines, one object each). */
export type Logger = PinoLogger;

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** The service name, written on every line as `service`. */
  name?: string;
  /** The instance id, written on every line as `instance`. */
  instance?: string;
  /**
   * Lowest level written.
   * @defaultValue `'info'`, or the `LOG_LEVEL` environment variable
   */
  level?: string;
  /** Where lines go. @defaultValue standard output */
  destination?: DestinationStream;
}

/** Adds the trace and span of the code that logs, so every line of a request can be found by trace id. */
function traceFields(): object {
  const trace = currentTrace();
  // pino merges the line into the returned object, so it must be a fresh one.
  return trace === undefined ? {} : { traceId: trace.traceId, spanId: trace.spanId };
}

/** A logger that writes JSON lines carrying the service, the instance, and the current trace and span ids. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env['LOG_LEVEL'] ?? 'info';
  const base: Record<string, string> = {};
  if (options.name !== undefined) base['service'] = options.name;
  if (options.instance !== undefined) base['instance'] = options.instance;
  const settings = { level, base, mixin: traceFields };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}
