import { VitaminError } from '../errors/vitamin-error.js';

/** Options of the actuator endpoints; each can also be set by a `vitamin.actuator.*` property. */
export interface ActuatorOptions {
  /**
   * Whether `/actuator/*` is served at all.
   * @defaultValue `true`
   */
  enabled?: boolean;
  /**
   * Path prefix of every endpoint.
   * @defaultValue `'/actuator'`
   */
  basePath?: string;
  /**
   * Port of a separate management server; `undefined` serves the endpoints on the app port, `0`
   * picks a free port.
   * @defaultValue `undefined` (the app port)
   */
  managementPort?: number;
  /**
   * Address the management server listens on. Protected endpoints need no token there only when
   * this is a loopback address and no token is configured.
   * @defaultValue `'127.0.0.1'`
   */
  managementHost?: string;
  /**
   * Endpoints anyone may read; every other one needs the bearer token (`vitamin.actuator.token`).
   * @defaultValue `['health', 'info']`
   */
  openEndpoints?: readonly string[];
  /**
   * Interval between two batches of `hystrix.stream` events, in ms.
   * @defaultValue `500`
   */
  streamIntervalMs?: number;
  /**
   * Most `hystrix.stream` clients at once; one more gets 503.
   * @defaultValue `5`
   */
  streamMaxClients?: number;
  /**
   * Bytes a stream client may leave unread in its socket buffer; a batch is skipped above half of
   * it and the client disconnected above it.
   * @defaultValue `262144` (256 KiB)
   */
  streamMaxBufferedBytes?: number;
  /**
   * Longest time a health indicator may take before it counts as DOWN, in ms.
   * @defaultValue `2000`
   */
  healthTimeoutMs?: number;
}

/** {@link ActuatorOptions} with every field resolved (`managementPort` may stay undefined). */
export type ResolvedActuatorOptions = Readonly<Required<Omit<ActuatorOptions, 'managementPort'>>> & {
  readonly managementPort: number | undefined;
};

/** The defaults of {@link ActuatorOptions}. */
export const DEFAULT_ACTUATOR_OPTIONS: ResolvedActuatorOptions = Object.freeze({
  enabled: true,
  basePath: '/actuator',
  managementPort: undefined,
  managementHost: '127.0.0.1',
  openEndpoints: Object.freeze(['health', 'info']),
  streamIntervalMs: 500,
  streamMaxClients: 5,
  streamMaxBufferedBytes: 262_144,
  healthTimeoutMs: 2000,
});

type Check = (value: unknown) => boolean;

const wholeNumber: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const positive: Check = (v) => wholeNumber(v) && (v as number) >= 1;

/** What each option accepts, in the words of error messages. */
const RULES: Readonly<Record<keyof ActuatorOptions, readonly [Check, string]>> = {
  enabled: [(v) => typeof v === 'boolean', 'true or false'],
  basePath: [(v) => typeof v === 'string' && /^\/[\w./-]*$/.test(v), "a path starting with '/'"],
  managementPort: [(v) => wholeNumber(v) && (v as number) <= 65_535, 'a port from 0 to 65535'],
  managementHost: [(v) => typeof v === 'string' && v !== '', 'a host name or address'],
  openEndpoints: [(v) => Array.isArray(v) && v.every((e) => typeof e === 'string'), 'a list of endpoint names'],
  streamIntervalMs: [positive, 'an integer ≥ 1 (ms)'],
  streamMaxClients: [wholeNumber, 'an integer ≥ 0'],
  streamMaxBufferedBytes: [positive, 'an integer ≥ 1 (bytes)'],
  healthTimeoutMs: [positive, 'an integer ≥ 1 (ms)'],
};

/**
 * Fills in defaults; `undefined` fields take the default.
 * @throws VitaminError `VITAMIN_E_CONFIG` naming the first option whose value is invalid
 */
export function resolveActuatorOptions(options: ActuatorOptions = {}): ResolvedActuatorOptions {
  const resolved: Record<string, unknown> = { ...DEFAULT_ACTUATOR_OPTIONS };
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const rule = RULES[key as keyof ActuatorOptions];
    if (rule !== undefined && !rule[0](value)) {
      throw new VitaminError(
        'VITAMIN_E_CONFIG',
        `vitamin.actuator.${key} must be ${rule[1]}, got ${JSON.stringify(value) ?? String(value)}`,
      );
    }
    resolved[key] = value;
  }
  return Object.freeze(resolved) as ResolvedActuatorOptions;
}
