import { HYSTRIX_PERCENTILES, LatencyHistogram } from '@vitamin/core';
import {
  COMMAND_COUNTERS,
  POOL_COUNTERS,
  type CommandCounter,
  type CommandSample,
  type PoolCounter,
} from '../stream/hystrix-sample.js';
import type { InstanceSamples } from './instance-samples.js';

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
  /** The merged histogram, when every instance sent one. */
  readonly histogram: LatencyHistogram | undefined;
  /** True when percentiles come from merged histograms; false when some instance sent only percentiles. */
  readonly isLatencyExact: boolean;
  readonly rollingWindowMs: number;
  readonly properties: Readonly<Record<string, unknown>>;
  /** The newest `currentTime` among the instances' events (when the freshest data left an instance). */
  readonly newestEventTime: number;
}

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
 * Samples older than `staleAfterMs` are left out. `withLatency` false skips the histograms (for the
 * rate history, which needs counts only).
 */
export function mergeCommands(
  instances: Iterable<InstanceSamples>,
  now: number,
  staleAfterMs: number,
  withLatency: boolean,
): MergedCommand[] {
  const byName = new Map<string, CommandSample[]>();
  for (const samples of instances) {
    for (const { sample, receivedAt } of samples.commands.values()) {
      if (now - receivedAt > staleAfterMs) continue;
      const list = byName.get(sample.name);
      if (list === undefined) byName.set(sample.name, [sample]);
      else list.push(sample);
    }
  }
  return [...byName.values()].map((list) => mergeOne(list, withLatency));
}

function mergeOne(list: CommandSample[], withLatency: boolean): MergedCommand {
  const first = list[0]!;
  const counts = Object.fromEntries(COMMAND_COUNTERS.map((c) => [c, 0])) as Record<CommandCounter, number>;
  let openHosts = 0;
  let newestEventTime = 0;
  let everyHasHistogram = true;
  for (const sample of list) {
    for (const counter of COMMAND_COUNTERS) counts[counter] += sample.counts[counter];
    if (sample.isCircuitBreakerOpen) openHosts++;
    if (sample.currentTime > newestEventTime) newestEventTime = sample.currentTime;
    if (sample.histogram === undefined) everyHasHistogram = false;
  }
  let histogram: LatencyHistogram | undefined;
  let percentiles: Record<string, number> = {};
  let meanMs = 0;
  if (withLatency && everyHasHistogram) {
    histogram = new LatencyHistogram();
    for (const sample of list) histogram.mergeEncoded(sample.histogram!);
    const values = histogram.percentiles(PERCENTILES);
    HYSTRIX_PERCENTILES.forEach((key, i) => (percentiles[key] = Math.round(values[i]!)));
    meanMs = Math.round(histogram.mean);
  } else if (withLatency) {
    ({ percentiles, meanMs } = weightedPercentiles(list));
  }
  const windowMs = first.properties['propertyValue_metricsRollingStatisticalWindowInMilliseconds'];
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
    rollingWindowMs: typeof windowMs === 'number' && windowMs > 0 ? windowMs : 10_000,
    properties: first.properties,
    newestEventTime,
  };
}

/**
 * For instances that send only percentiles (plain Hystrix), the best left: an average weighted by
 * each instance's request count. Marked inexact.
 */
function weightedPercentiles(list: CommandSample[]): { percentiles: Record<string, number>; meanMs: number } {
  const percentiles: Record<string, number> = {};
  let weights = 0;
  let mean = 0;
  for (const sample of list) {
    const weight = Math.max(1, sample.counts.requestCount);
    weights += weight;
    mean += sample.meanMs * weight;
    const own =
      sample.histogram === undefined ? undefined : LatencyHistogram.decode(sample.histogram).percentiles(PERCENTILES);
    HYSTRIX_PERCENTILES.forEach((key, i) => {
      const value = own?.[i] ?? sample.percentiles[key] ?? 0;
      percentiles[key] = (percentiles[key] ?? 0) + value * weight;
    });
  }
  for (const key of HYSTRIX_PERCENTILES) percentiles[key] = Math.round(percentiles[key]! / weights);
  return { percentiles, meanMs: Math.round(mean / weights) };
}

/** Merges the groups (thread pools) of a cluster's instances: counts summed. */
export function mergePools(instances: Iterable<InstanceSamples>, now: number, staleAfterMs: number): MergedPool[] {
  const byName = new Map<string, { counts: Record<PoolCounter, number>; hosts: number; windowMs: number }>();
  for (const samples of instances) {
    for (const { sample, receivedAt } of samples.pools.values()) {
      if (now - receivedAt > staleAfterMs) continue;
      let entry = byName.get(sample.name);
      if (entry === undefined) {
        const counts = Object.fromEntries(POOL_COUNTERS.map((c) => [c, 0])) as Record<PoolCounter, number>;
        byName.set(sample.name, (entry = { counts, hosts: 0, windowMs: sample.rollingWindowMs || 10_000 }));
      }
      entry.hosts++;
      for (const counter of POOL_COUNTERS) entry.counts[counter] += sample.counts[counter];
    }
  }
  return [...byName].map(([name, e]) => ({
    name,
    reportingHosts: e.hosts,
    counts: e.counts,
    rollingWindowMs: e.windowMs,
  }));
}
