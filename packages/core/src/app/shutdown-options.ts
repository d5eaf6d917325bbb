/** Options of an app's graceful shutdown; `vitamin.shutdown.*` properties override them. */
export interface ShutdownOptions {
  /**
   * How long the instance keeps serving after readiness went DOWN (and it deregistered), in ms, so
   * load balancers and clients stop sending before it stops accepting. In Kubernetes, a few
   * seconds (endpoint removal is not instant).
   * @defaultValue `0`
   */
  preStopDelayMs?: number;
  /**
   * How long in-flight requests and commands may take to finish once the server stops accepting,
   * in ms; whatever is left is cut.
   * @defaultValue `30000`
   */
  timeoutMs?: number;
}

/** {@link ShutdownOptions} with every field resolved. */
export type ResolvedShutdownOptions = Readonly<Required<ShutdownOptions>>;

/** The defaults of {@link ShutdownOptions}. */
export const DEFAULT_SHUTDOWN_OPTIONS: ResolvedShutdownOptions = Object.freeze({
  preStopDelayMs: 0,
  timeoutMs: 30_000,
});

/**
 * Fills in defaults; `undefined` fields take the default.
 * @throws RangeError when a value is not a non-negative integer
 */
export function resolveShutdownOptions(options: ShutdownOptions = {}): ResolvedShutdownOptions {
  const resolved = { ...DEFAULT_SHUTDOWN_OPTIONS };
  for (const key of Object.keys(DEFAULT_SHUTDOWN_OPTIONS) as (keyof ShutdownOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    const number = typeof value === 'string' ? Number(value) : value;
    if (!Number.isInteger(number) || number < 0) {
      throw new RangeError(`shutdown option ${key} must be an integer ≥ 0 (ms), got ${String(value)}`);
    }
    resolved[key] = number;
  }
  return Object.freeze(resolved);
}
