import { VitaminError } from '../errors/vitamin-error.js';
import type { PropagationFormat } from './propagation.js';

/** Options of tracing (properties `vitamin.tracing.*`). */
export interface TracingOptions {
  /**
   * Whether requests, commands and calls run in spans and carry trace headers.
   * @defaultValue `true`
   */
  enabled?: boolean;
  /**
   * Header formats written on outgoing calls and messages. Incoming formats are always detected.
   * @defaultValue `['w3c']`
   */
  propagation?: readonly PropagationFormat[];
  /**
   * Share of new traces (those without a caller) that are sampled, 0 to 1. A caller's decision is
   * always kept (parent-based). With an OpenTelemetry SDK installed, its sampler decides instead.
   * @defaultValue `1`
   */
  sampleRatio?: number;
}

/** {@link TracingOptions} with every field resolved. */
export type ResolvedTracingOptions = Required<TracingOptions>;

/** The defaults of {@link TracingOptions}. */
export const DEFAULT_TRACING_OPTIONS: ResolvedTracingOptions = Object.freeze({
  enabled: true,
  propagation: Object.freeze(['w3c'] as PropagationFormat[]),
  sampleRatio: 1,
});

const FORMATS: readonly string[] = ['w3c', 'b3', 'b3multi'];

/** Fills in defaults and refuses invalid values, naming the property. */
export function resolveTracingOptions(options: TracingOptions = {}): ResolvedTracingOptions {
  const propagation = options.propagation ?? DEFAULT_TRACING_OPTIONS.propagation;
  const sampleRatio = options.sampleRatio ?? DEFAULT_TRACING_OPTIONS.sampleRatio;
  const unknown = propagation.find((format) => !FORMATS.includes(format));
  if (unknown !== undefined) {
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      `vitamin.tracing.propagation: '${unknown}' is not one of ${FORMATS.join(', ')}`,
    );
  }
  if (typeof sampleRatio !== 'number' || !(sampleRatio >= 0 && sampleRatio <= 1)) {
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      `vitamin.tracing.sampleRatio: '${String(sampleRatio)}' is not between 0 and 1`,
    );
  }
  const enabled = options.enabled ?? DEFAULT_TRACING_OPTIONS.enabled;
  if (typeof enabled !== 'boolean') {
    throw new VitaminError('VITAMIN_E_CONFIG', `vitamin.tracing.enabled: '${String(enabled)}' is not true or false`);
  }
  return { enabled, propagation: Object.freeze([...propagation]), sampleRatio };
}
