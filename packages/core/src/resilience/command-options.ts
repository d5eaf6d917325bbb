/**
 * Options of a command. Each one is also a dynamic property: `vitamin.command.<key>.<option>`, then
 * `vitamin.command.default.<option>`, then what the code gives, then the default below.
 */
export interface CommandOptions {
  /**
   * Overall time limit of one execution, retries included, in ms; the work is aborted after it.
   * @defaultValue `1000`
   */
  timeoutMs?: number;
  /**
   * Whether the overall time limit applies.
   * @defaultValue `true`
   */
  timeoutEnabled?: boolean;
  /**
   * Most executions of this command running at once (the semaphore bulkhead); more are rejected.
   * @defaultValue `10`
   */
  maxConcurrent?: number;
  /**
   * Whether the circuit breaker watches this command.
   * @defaultValue `true`
   */
  circuitEnabled?: boolean;
  /**
   * Fewest requests in the rolling window before the circuit may open.
   * @defaultValue `20`
   */
  requestVolumeThreshold?: number;
  /**
   * Share of failed requests in the rolling window at or above which the circuit opens, in %.
   * @defaultValue `50`
   */
  errorThresholdPercentage?: number;
  /**
   * How long an open circuit rejects before letting probes through (half-open), in ms.
   * @defaultValue `5000`
   */
  sleepWindowMs?: number;
  /**
   * How many requests a half-open circuit lets through to probe the dependency.
   * @defaultValue `1`
   */
  halfOpenProbes?: number;
  /**
   * Rejects every request, whatever the health.
   * @defaultValue `false`
   */
  forceOpen?: boolean;
  /**
   * Lets every request through, whatever the health (`forceOpen` wins over it).
   * @defaultValue `false`
   */
  forceClosed?: boolean;
  /**
   * Whether the fallback runs on failure, timeout, rejection and open circuit.
   * @defaultValue `true`
   */
  fallbackEnabled?: boolean;
  /**
   * Length of the rolling window of counts and circuit health, in ms (read when the command is created).
   * @defaultValue `10000`
   */
  rollingWindowMs?: number;
  /**
   * Buckets the rolling window is split into (read when the command is created).
   * @defaultValue `10`
   */
  rollingBuckets?: number;
  /**
   * Most attempts of an idempotent operation, the first included (`1` turns retries off).
   * @defaultValue `2`
   */
  retryMaxAttempts?: number;
  /**
   * Backoff before the first retry, doubled for each further one, with full jitter, in ms.
   * @defaultValue `25`
   */
  retryBaseDelayMs?: number;
  /**
   * Longest backoff between two attempts, in ms.
   * @defaultValue `1000`
   */
  retryMaxDelayMs?: number;
  /**
   * Retries allowed as a share of calls over the rolling window, in %.
   * @defaultValue `20`
   */
  retryBudgetPercent?: number;
  /**
   * Retries allowed in each rolling window whatever the share, so a quiet command can still retry.
   * @defaultValue `10`
   */
  retryMinPerWindow?: number;
}

/** {@link CommandOptions} with every field set. */
export type ResolvedCommandOptions = Readonly<Required<CommandOptions>>;

/** The built-in defaults (Hystrix's, where Hystrix has the option). */
export const DEFAULT_COMMAND_OPTIONS: ResolvedCommandOptions = Object.freeze({
  timeoutMs: 1000,
  timeoutEnabled: true,
  maxConcurrent: 10,
  circuitEnabled: true,
  requestVolumeThreshold: 20,
  errorThresholdPercentage: 50,
  sleepWindowMs: 5000,
  halfOpenProbes: 1,
  forceOpen: false,
  forceClosed: false,
  fallbackEnabled: true,
  rollingWindowMs: 10_000,
  rollingBuckets: 10,
  retryMaxAttempts: 2,
  retryBaseDelayMs: 25,
  retryMaxDelayMs: 1000,
  retryBudgetPercent: 20,
  retryMinPerWindow: 10,
});

/** Name of a command option. */
export type CommandOptionName = keyof CommandOptions;

type Check = (value: unknown) => value is number | boolean;

const positive: Check = (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const nonNegative: Check = (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const percent: Check = (v): v is number => typeof v === 'number' && v >= 0 && v <= 100;
const flag: Check = (v): v is boolean => typeof v === 'boolean';

/** What each option accepts, said in the words of error messages. */
const RULES: Readonly<Record<CommandOptionName, readonly [Check, string]>> = {
  timeoutMs: [positive, 'an integer ≥ 1 (ms)'],
  timeoutEnabled: [flag, 'true or false'],
  maxConcurrent: [positive, 'an integer ≥ 1'],
  circuitEnabled: [flag, 'true or false'],
  requestVolumeThreshold: [positive, 'an integer ≥ 1'],
  errorThresholdPercentage: [percent, 'a number from 0 to 100 (%)'],
  sleepWindowMs: [positive, 'an integer ≥ 1 (ms)'],
  halfOpenProbes: [positive, 'an integer ≥ 1'],
  forceOpen: [flag, 'true or false'],
  forceClosed: [flag, 'true or false'],
  fallbackEnabled: [flag, 'true or false'],
  rollingWindowMs: [positive, 'an integer ≥ 1 (ms)'],
  rollingBuckets: [positive, 'an integer ≥ 1'],
  retryMaxAttempts: [positive, 'an integer ≥ 1'],
  retryBaseDelayMs: [nonNegative, 'an integer ≥ 0 (ms)'],
  retryMaxDelayMs: [nonNegative, 'an integer ≥ 0 (ms)'],
  retryBudgetPercent: [percent, 'a number from 0 to 100 (%)'],
  retryMinPerWindow: [nonNegative, 'an integer ≥ 0'],
};

/** Every option name, in documentation order. */
export const COMMAND_OPTION_NAMES = Object.freeze(Object.keys(DEFAULT_COMMAND_OPTIONS) as CommandOptionName[]);

/**
 * Checks one option value, accepting the text forms that files and environment variables give
 * (`"1500"`, `"true"`); returns the value, or a message saying what is expected.
 */
export function checkCommandOption(
  name: CommandOptionName,
  value: unknown,
): { ok: true; value: number | boolean } | { ok: false; expected: string } {
  const [check, expected] = RULES[name];
  const coerced = coerce(value, typeof DEFAULT_COMMAND_OPTIONS[name]);
  return check(coerced) ? { ok: true, value: coerced } : { ok: false, expected };
}

/**
 * Fills in the defaults of `options`.
 * @throws RangeError naming the first option whose value is invalid
 */
export function resolveCommandOptions(options: CommandOptions = {}): ResolvedCommandOptions {
  const resolved: Record<string, number | boolean> = { ...DEFAULT_COMMAND_OPTIONS };
  for (const name of COMMAND_OPTION_NAMES) {
    const value = options[name];
    if (value === undefined) continue;
    const checked = checkCommandOption(name, value);
    if (!checked.ok) throw new RangeError(`command option ${name} must be ${checked.expected}, got ${String(value)}`);
    resolved[name] = checked.value;
  }
  return Object.freeze(resolved) as ResolvedCommandOptions;
}

function coerce(value: unknown, type: string): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : value;
  return text === '' || Number.isNaN(Number(text)) ? value : Number(text);
}
