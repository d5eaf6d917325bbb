import { HISTOGRAM_FIELD, LatencyHistogram } from '@vitamin/core';

/** The counters of a `HystrixCommand` event the monitor sums across instances. */
export const COMMAND_COUNTERS = Object.freeze([
  'requestCount',
  'errorCount',
  'rollingCountSuccess',
  'rollingCountFailure',
  'rollingCountTimeout',
  'rollingCountShortCircuited',
  'rollingCountSemaphoreRejected',
  'rollingCountThreadPoolRejected',
  'rollingCountBadRequests',
  'rollingCountFallbackSuccess',
  'rollingCountFallbackFailure',
  'currentConcurrentExecutionCount',
  'rollingMaxConcurrentExecutionCount',
] as const);

/** The counters of a `HystrixThreadPool` event the monitor sums across instances. */
export const POOL_COUNTERS = Object.freeze([
  'currentActiveCount',
  'currentQueueSize',
  'currentPoolSize',
  'rollingCountThreadsExecuted',
  'rollingCountCommandRejections',
  'rollingMaxActiveThreads',
] as const);

export type CommandCounter = (typeof COMMAND_COUNTERS)[number];
export type PoolCounter = (typeof POOL_COUNTERS)[number];

/** One instance's latest view of one command, checked. */
export interface CommandSample {
  readonly kind: 'command';
  readonly name: string;
  readonly group: string;
  readonly currentTime: number;
  readonly isCircuitBreakerOpen: boolean;
  readonly counts: Readonly<Record<CommandCounter, number>>;
  /**
   * The encoded mergeable histogram (checked); absent from plain Hystrix instances, whose
   * percentiles are used instead. Kept encoded: merging from text allocates nothing.
   */
  readonly histogram: string | undefined;
  /** The instance's own percentiles (`latencyExecute`), for instances without a histogram. */
  readonly percentiles: Readonly<Record<string, number>>;
  readonly meanMs: number;
  /** `propertyValue_*` fields (the instance's live settings), passed through. */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** One instance's latest view of one group (Hystrix thread pool), checked. */
export interface PoolSample {
  readonly kind: 'pool';
  readonly name: string;
  readonly currentTime: number;
  readonly counts: Readonly<Record<PoolCounter, number>>;
  readonly rollingWindowMs: number;
}

const MAX_NAME = 256;

/**
 * Reads one `data:` payload of an instance's stream. Returns undefined for event types the monitor
 * does not aggregate (a consumer's counts, a collapser); throws a `TypeError` naming the field for
 * anything malformed, so the caller drops the stream rather than let it into the aggregate.
 */
export function readSample(payload: string): CommandSample | PoolSample | undefined {
  let event: unknown;
  try {
    event = JSON.parse(payload);
  } catch (error) {
    throw new TypeError(`not JSON (${(error as Error).message})`);
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event))
    throw new TypeError('an event is not an object');
  const e = event as Record<string, unknown>;
  if (e['type'] === 'HystrixCommand') return readCommand(e);
  if (e['type'] === 'HystrixThreadPool') return readPool(e);
  if (typeof e['type'] !== 'string') throw new TypeError('an event has no string field type');
  return undefined;
}

function readCommand(e: Record<string, unknown>): CommandSample {
  const name = text(e, 'name');
  const where = `HystrixCommand '${name.slice(0, 64)}'`;
  const counts = {} as Record<CommandCounter, number>;
  for (const field of COMMAND_COUNTERS)
    counts[field] = count(
      e,
      field,
      where,
      field.startsWith('rollingCountBad') || field.startsWith('rollingMax') || field.startsWith('rollingCountFallback'),
    );
  if (typeof e['isCircuitBreakerOpen'] !== 'boolean')
    throw new TypeError(`${where}: isCircuitBreakerOpen is not a boolean`);
  const encoded = e[HISTOGRAM_FIELD];
  let histogram: string | undefined;
  if (encoded !== undefined) {
    if (typeof encoded !== 'string') throw new TypeError(`${where}: ${HISTOGRAM_FIELD} is not a string`);
    try {
      LatencyHistogram.check(encoded);
      histogram = encoded;
    } catch (error) {
      throw new TypeError(`${where}: ${HISTOGRAM_FIELD} ${(error as Error).message}`);
    }
  }
  const latency = e['latencyExecute'];
  const percentiles: Record<string, number> = {};
  if (typeof latency === 'object' && latency !== null) {
    for (const [key, value] of Object.entries(latency)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        throw new TypeError(`${where}: latencyExecute.${key} is not a latency`);
      percentiles[key] = value;
    }
  } else if (histogram === undefined) {
    throw new TypeError(`${where}: neither latencyExecute nor ${HISTOGRAM_FIELD}`);
  }
  const properties: Record<string, unknown> = {};
  for (const key in e) {
    const value = e[key];
    if (key.startsWith('propertyValue_') && (value === null || typeof value !== 'object')) properties[key] = value;
  }
  return {
    kind: 'command',
    name,
    group: typeof e['group'] === 'string' ? e['group'].slice(0, MAX_NAME) : '',
    currentTime: time(e, where),
    isCircuitBreakerOpen: e['isCircuitBreakerOpen'],
    counts,
    histogram,
    percentiles,
    meanMs: count(e, 'latencyExecute_mean', where, true),
    properties,
  };
}

function readPool(e: Record<string, unknown>): PoolSample {
  const name = text(e, 'name');
  const where = `HystrixThreadPool '${name.slice(0, 64)}'`;
  const counts = {} as Record<PoolCounter, number>;
  for (const field of POOL_COUNTERS) counts[field] = count(e, field, where, field !== 'currentActiveCount');
  return {
    kind: 'pool',
    name,
    currentTime: time(e, where),
    counts,
    rollingWindowMs: count(e, 'propertyValue_metricsRollingStatisticalWindowInMilliseconds', where, true),
  };
}

function text(e: Record<string, unknown>, field: string): string {
  const value = e[field];
  if (typeof value !== 'string' || value === '' || value.length > MAX_NAME) {
    throw new TypeError(`${String(e['type'])}: ${field} is not a name of 1 to ${MAX_NAME} characters`);
  }
  return value;
}

function count(e: Record<string, unknown>, field: string, where: string, isOptional: boolean): number {
  const value = e[field];
  if (value === undefined && isOptional) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`${where}: ${field} is not a number ≥ 0 (${JSON.stringify(value)?.slice(0, 40)})`);
  }
  return value;
}

function time(e: Record<string, unknown>, where: string): number {
  const value = e['currentTime'];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${where}: currentTime is not a time`);
  return value;
}
