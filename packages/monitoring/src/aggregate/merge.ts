import { HYSTRIX_PERCENTILES, LatencyHistogram } from '@vitamin/core/fleet';
import { COMMAND_COUNTERS, type CommandCounter, type CommandSample } from '../samples/command-sample.js';
import type { InstanceSamples } from '../samples/instance-samples.js';
import { POOL_COUNTERS, type PoolCounter } from '../samples/pool-sample.js';

const PERCENTILES = HYSTRIX_PERCENTILES.map(Number);

/** One command across a cluster. */
export interface MergedCommand {
  readonly name: string;
  readonly group: string;
  /** Instances that reported the command. */
  readonly reportingHosts: number;
  /** Instances whose circuit is open. */
  readonly openHosts: number;
  readonly counts: Record<CommandCounter, number>;
  /** Latency percentiles (Hystrix keys `"0"` … `"100"`) in whole ms; empty when merged without latency. */
  readonly percentiles: Record<string, number>;
  readonly meanMs: number;
  /** The merged histogram, encoded, when asked for and every instance sent one. */
  readonly histogram: string | undefined;
  /** True when percentiles come from merged histograms; false when some instance sent only percentiles. */
  readonly isLatencyExact: boolean;
  readonly rollingWindowMs: number;
  readonly properties: Readonly<Record<string, unknown>>;
  /** The newest `currentTime` among the instances' events (when the freshest data left an instance). */
  readonly newestEventTime: number;
}

/** How much {@link mergeCommands} merges beyond counts. */
export type MergeDetail = 'counts' | 'latency' | 'histogram';

/** One group (thread pool) across a cluster. */
export interface MergedPool {
  readonly name: string;
  readonly reportingHosts: number;
  readonly counts: Record<PoolCounter, number>;
  readonly rollingWindowMs: number;
}

/**
 * Merges the latest samples of a cluster's instances per command: counts summed, histograms merged
 * exactly (so p99 is the p99 of every request), circuit open where any instance has it open.
 * Samples older than `staleAfterMs` are left out. `detail` says what beyond counts is wanted:
 * `latency` adds percentiles and mean, `histogram` also the merged histogram encoded (what the
 * Turbine stream sends); counts alone serve the rate history.
 */
export function mergeCommands(
  instances: Iterable<InstanceSamples>,
  now: number,
  staleAfterMs: number,
  detail: MergeDetail,
): MergedCommand[] {
  const byName = new Map<string, CommandSample[]>();
  for (const samples of instances) {
    for (const sample of samples.commands.values()) {
      if (now - sample.receivedAt > staleAfterMs) continue;
      const list = byName.get(sample.name);
      if (list === undefined) byName.set(sample.name, [sample]);
      else list.push(sample);
    }
  }
  const merged: MergedCommand[] = [];
  for (const list of byName.values()) merged.push(mergeOne(list, detail));
  return merged;
}

/** Where histograms are merged: one, emptied for each command, so a merge allocates no buckets. */
const scratch = new LatencyHistogram();
const summed = new Float64Array(COMMAND_COUNTERS.length);

function mergeOne(list: CommandSample[], detail: MergeDetail): MergedCommand {
  const first = list[0]!;
  summed.fill(0);
  let openHosts = 0;
  let newestEventTime = 0;
  let everyHasHistogram = true;
  for (const sample of list) {
    for (let i = 0; i < summed.length; i++) summed[i]! += sample.counts[i]!;
    if (sample.isCircuitBreakerOpen) openHosts++;
    if (sample.currentTime > newestEventTime) newestEventTime = sample.currentTime;
    if (sample.histogram.isEmpty) everyHasHistogram = false;
  }
  const counts = {} as Record<CommandCounter, number>;
  for (let i = 0; i < summed.length; i++) counts[COMMAND_COUNTERS[i]!] = summed[i]!;
  let histogram: string | undefined;
  let percentiles: Record<string, number> = {};
  let meanMs = 0;
  if (detail !== 'counts' && everyHasHistogram) {
    scratch.clear();
    for (const sample of list) scratch.mergeChecked(sample.histogram);
    const values = scratch.percentiles(PERCENTILES);
    for (let i = 0; i < values.length; i++) percentiles[HYSTRIX_PERCENTILES[i]!] = Math.round(values[i]!);
    meanMs = Math.round(scratch.mean);
    if (detail === 'histogram') histogram = scratch.encode();
  } else if (detail !== 'counts') {
    ({ percentiles, meanMs } = weightedPercentiles(list));
  }
  return {
    name: first.name,
    group: first.group,
    reportingHosts: list.length,
    openHosts,
    counts,
    percentiles,
    meanMs,
    histogram,
    isLatencyExact: everyHasHistogram,
    rollingWindowMs: first.rollingWindowMs,
    properties: first.properties,
    newestEventTime,
  };
}

/**
 * For instances that send only percentiles (plain Hystrix), the best left: an average weighted by
 * each instance's request count. Marked inexact.
 */
function weightedPercentiles(list: CommandSample[]): { percentiles: Record<string, number>; meanMs: number } {
  const sums = new Array<number>(PERCENTILES.length).fill(0);
  let weights = 0;
  let mean = 0;
  for (const sample of list) {
    const weight = Math.max(1, sample.counts[REQUEST_COUNT]!);
    weights += weight;
    mean += sample.meanMs * weight;
    const own = sample.histogram.isEmpty
      ? sample.percentiles
      : scratch.clear().mergeChecked(sample.histogram).percentiles(PERCENTILES);
    for (let i = 0; i < sums.length; i++) sums[i]! += own[i]! * weight;
  }
  const percentiles: Record<string, number> = {};
  for (let i = 0; i < sums.length; i++) percentiles[HYSTRIX_PERCENTILES[i]!] = Math.round(sums[i]! / weights);
  return { percentiles, meanMs: Math.round(mean / weights) };
}

const REQUEST_COUNT = COMMAND_COUNTERS.indexOf('requestCount');

/** Merges the groups (thread pools) of a cluster's instances: counts summed. */
export function mergePools(instances: Iterable<InstanceSamples>, now: number, staleAfterMs: number): MergedPool[] {
  const byName = new Map<string, { counts: Record<PoolCounter, number>; hosts: number; windowMs: number }>();
  for (const samples of instances) {
    for (const sample of samples.pools.values()) {
      if (now - sample.receivedAt > staleAfterMs) continue;
      let entry = byName.get(sample.name);
      if (entry === undefined) {
        const counts = Object.fromEntries(POOL_COUNTERS.map((c) => [c, 0])) as Record<PoolCounter, number>;
        byName.set(sample.name, (entry = { counts, hosts: 0, windowMs: sample.rollingWindowMs }));
      }
      entry.hosts++;
      for (let i = 0; i < POOL_COUNTERS.length; i++) entry.counts[POOL_COUNTERS[i]!] += sample.counts[i]!;
    }
  }
  return [...byName].map(([name, e]) => ({
    name,
    reportingHosts: e.hosts,
    counts: e.counts,
    rollingWindowMs: e.windowMs,
  }));
}
