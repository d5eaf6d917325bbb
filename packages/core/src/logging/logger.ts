import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

/** The structured logger every vitamin component writes to (pino: JSON lines, one object each). */
export type Logger = PinoLogger;

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** The service name, written on every line as `service`. */
  name?: string;
  /**
   * Lowest level written.
   * @defaultValue `'info'`, or the `LOG_LEVEL` environment variable
   */
  level?: string;
  /** Where lines go. @defaultValue standard output */
  destination?: DestinationStream;
}

/** A logger that writes JSON lines carrying the service name. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env['LOG_LEVEL'] ?? 'info';
  const base = options.name === undefined ? {} : { service: options.name };
  return options.destination === undefined ? pino({ level, base }) : pino({ level, base }, options.destination);
}
