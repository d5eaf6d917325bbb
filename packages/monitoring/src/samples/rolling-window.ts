/** Where an instance says how long its rolling counts cover (Hystrix's field). */
export const WINDOW_PROPERTY = 'propertyValue_metricsRollingStatisticalWindowInMilliseconds';
/** Hystrix's rolling statistical window, for instances that do not send theirs. */
export const DEFAULT_ROLLING_WINDOW_MS = 10_000;

/** `value` when it is a usable window in ms, else Hystrix's default. */
export function windowOrDefault(value: unknown): number {
  return typeof value === 'number' && value > 0 ? value : DEFAULT_ROLLING_WINDOW_MS;
}
