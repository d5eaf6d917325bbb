import { HISTOGRAM_FIELD, HYSTRIX_PERCENTILES } from '@vitamin/core/fleet';
import { COMMAND_COUNTERS, CommandSample } from '../samples/command-sample.js';
import { POOL_COUNTERS, PoolSample } from '../samples/pool-sample.js';
import { WINDOW_PROPERTY, windowOrDefault } from '../samples/rolling-window.js';

/** Counters an instance may leave out (Hystrix versions differ); absent means 0. */
const OPTIONAL_COMMAND_COUNTERS = COMMAND_COUNTERS.map(
  (field) =>
    field.startsWith('rollingCountBad') || field.startsWith('rollingMax') || field.startsWith('rollingCountFallback'),
);
const PROPERTY_PREFIX = 'propertyValue_';
const MAX_NAME = 256;

/** An event of a type the monitor aggregates, parsed but not yet checked beyond its type and name. */
export interface HystrixEvent {
  readonly kind: 'command' | 'pool';
  readonly name: string;
  readonly fields: Record<string, unknown>;
}

/**
 * Parses one `data:` payload of an instance's stream. Returns undefined for event types the monitor
 * does not aggregate (a consumer's counts, a collapser); throws a `TypeError` naming what is wrong
 * for anything malformed, so the caller drops the stream rather than let it into the aggregate.
 */
export function parseEvent(payload: string): HystrixEvent | undefined {
  let event: unknown;
  try {
    event = JSON.parse(payload);
  } catch (error) {
    throw new TypeError(`not JSON (${(error as Error).message})`);
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event))
    throw new TypeError('an event is not an object');
  const fields = event as Record<string, unknown>;
  const type = fields['type'];
  if (type === 'HystrixCommand') return { kind: 'command', name: text(fields, 'name'), fields };
  if (type === 'HystrixThreadPool') return { kind: 'pool', name: text(fields, 'name'), fields };
  if (typeof type !== 'string') throw new TypeError('an event has no string field type');
  return undefined;
}

/** Where {@link readCommand} checks an event before it reaches a kept sample. */
const stagedCommand = new CommandSample('');
const stagedPool = new PoolSample('');

/**
 * Checks a `HystrixCommand` event. Returns a sample valid until the next call (copy it with
 * {@link CommandSample.copyFrom}); nothing is kept when the event is invalid.
 * @throws TypeError naming the field that is wrong
 */
export function readCommand(event: HystrixEvent): CommandSample {
  const e = event.fields;
  const where = `HystrixCommand '${event.name.slice(0, 64)}'`;
  const sample = stagedCommand;
  for (let i = 0; i < COMMAND_COUNTERS.length; i++)
    sample.counts[i] = count(e, COMMAND_COUNTERS[i]!, where, OPTIONAL_COMMAND_COUNTERS[i]!);
  const open = e['isCircuitBreakerOpen'];
  if (typeof open !== 'boolean') throw new TypeError(`${where}: isCircuitBreakerOpen is not a boolean`);
  sample.isCircuitBreakerOpen = open;
  const encoded = e[HISTOGRAM_FIELD];
  if (encoded === undefined) sample.histogram.clear();
  else if (typeof encoded !== 'string') throw new TypeError(`${where}: ${HISTOGRAM_FIELD} is not a string`);
  else {
    try {
      sample.histogram.read(encoded);
    } catch (error) {
      throw new TypeError(`${where}: ${HISTOGRAM_FIELD} ${(error as Error).message}`);
    }
  }
  readPercentiles(e['latencyExecute'], sample, where);
  sample.group = typeof e['group'] === 'string' ? e['group'].slice(0, MAX_NAME) : '';
  sample.currentTime = time(e, where);
  sample.meanMs = count(e, 'latencyExecute_mean', where, true);
  sample.properties = propertiesOf(e);
  return sample;
}

/**
 * Checks a `HystrixThreadPool` event; like {@link readCommand}.
 * @throws TypeError naming the field that is wrong
 */
export function readPool(event: HystrixEvent): PoolSample {
  const e = event.fields;
  const where = `HystrixThreadPool '${event.name.slice(0, 64)}'`;
  const sample = stagedPool;
  for (let i = 0; i < POOL_COUNTERS.length; i++)
    sample.counts[i] = count(e, POOL_COUNTERS[i]!, where, POOL_COUNTERS[i] !== 'currentActiveCount');
  sample.currentTime = time(e, where);
  sample.rollingWindowMs = windowOrDefault(count(e, WINDOW_PROPERTY, where, true));
  return sample;
}

function readPercentiles(latency: unknown, sample: CommandSample, where: string): void {
  sample.percentiles.fill(0);
  if (typeof latency !== 'object' || latency === null) {
    if (sample.histogram.isEmpty) throw new TypeError(`${where}: neither latencyExecute nor ${HISTOGRAM_FIELD}`);
    return;
  }
  const values = latency as Record<string, unknown>;
  for (const key in values) {
    const value = values[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      throw new TypeError(`${where}: latencyExecute.${key.slice(0, 16)} is not a latency`);
  }
  for (let i = 0; i < HYSTRIX_PERCENTILES.length; i++)
    sample.percentiles[i] = (values[HYSTRIX_PERCENTILES[i]!] ?? 0) as number;
}

function propertiesOf(e: Record<string, unknown>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const key in e) {
    const value = e[key];
    if (key.startsWith(PROPERTY_PREFIX) && (value === null || typeof value !== 'object')) properties[key] = value;
  }
  return properties;
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
