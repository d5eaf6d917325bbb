import { HISTOGRAM_FIELD } from '@vitamin/core/fleet';
import type { MergedCommand, MergedPool } from './merge.js';

/** Extension field: how many instances of the cluster have the command's circuit open. */
export const OPEN_HOSTS_FIELD = 'vitaminOpenHosts';

/**
 * Errors as a whole percentage of requests (Hystrix: failures, timeouts and rejections over
 * successes plus those).
 */
export function clusterErrorPercentage(command: MergedCommand): number {
  const { requestCount, errorCount } = command.counts;
  return requestCount === 0 ? 0 : Math.round((errorCount / requestCount) * 100);
}

/**
 * A cluster's command as Turbine sends it: counts summed, `reportingHosts` the number of instances.
 * As with Turbine, the fields the Hystrix dashboard divides by `reportingHosts` (error percentage,
 * latency means and percentiles, rolling window) are sent multiplied by it, so existing dashboards
 * show the cluster's exact values. `vitaminLatencyHistogram` carries the merged histogram.
 */
export function turbineCommandEvent(command: MergedCommand, now: number): Record<string, unknown> {
  const hosts = command.reportingHosts;
  const latencies: Record<string, number> = {};
  for (const [key, value] of Object.entries(command.percentiles)) latencies[key] = value * hosts;
  const { counts } = command;
  const event: Record<string, unknown> = {
    type: 'HystrixCommand',
    name: command.name,
    group: command.group,
    threadPool: command.group,
    currentTime: now,
    isCircuitBreakerOpen: command.openHosts > 0,
    [OPEN_HOSTS_FIELD]: command.openHosts,
    errorPercentage: clusterErrorPercentage(command) * hosts,
    errorCount: counts.errorCount,
    requestCount: counts.requestCount,
    rollingCountBadRequests: counts.rollingCountBadRequests,
    rollingCountCollapsedRequests: 0,
    rollingCountEmit: 0,
    rollingCountExceptionsThrown: 0,
    rollingCountFailure: counts.rollingCountFailure,
    rollingCountFallbackEmit: 0,
    rollingCountFallbackFailure: counts.rollingCountFallbackFailure,
    rollingCountFallbackMissing: 0,
    rollingCountFallbackRejection: 0,
    rollingCountFallbackSuccess: counts.rollingCountFallbackSuccess,
    rollingCountResponsesFromCache: 0,
    rollingCountSemaphoreRejected: counts.rollingCountSemaphoreRejected,
    rollingCountShortCircuited: counts.rollingCountShortCircuited,
    rollingCountSuccess: counts.rollingCountSuccess,
    rollingCountThreadPoolRejected: counts.rollingCountThreadPoolRejected,
    rollingCountTimeout: counts.rollingCountTimeout,
    currentConcurrentExecutionCount: counts.currentConcurrentExecutionCount,
    rollingMaxConcurrentExecutionCount: counts.rollingMaxConcurrentExecutionCount,
    latencyExecute_mean: command.meanMs * hosts,
    latencyExecute: latencies,
    latencyTotal_mean: command.meanMs * hosts,
    latencyTotal: latencies,
    propertyValue_metricsRollingStatisticalWindowInMilliseconds: command.rollingWindowMs * hosts,
    reportingHosts: hosts,
  };
  if (command.histogram !== undefined) event[HISTOGRAM_FIELD] = command.histogram;
  // The instances' other settings, passed through. Copied key by key: spreading an object that
  // lives in the old generation made V8 allocate every event there (measured by monitor-scale).
  const { properties } = command;
  for (const key in properties) if (!(key in event)) event[key] = properties[key];
  return event;
}

/** A cluster's group (thread pool) as Turbine sends it: counts summed. */
export function turbinePoolEvent(pool: MergedPool, now: number): Record<string, unknown> {
  const { counts } = pool;
  return {
    type: 'HystrixThreadPool',
    name: pool.name,
    currentTime: now,
    currentActiveCount: counts.currentActiveCount,
    currentCompletedTaskCount: counts.rollingCountThreadsExecuted,
    currentCorePoolSize: counts.currentPoolSize,
    currentLargestPoolSize: counts.currentPoolSize,
    currentMaximumPoolSize: counts.currentPoolSize,
    currentPoolSize: counts.currentPoolSize,
    currentQueueSize: counts.currentQueueSize,
    currentTaskCount: counts.rollingCountThreadsExecuted + counts.currentActiveCount + counts.currentQueueSize,
    rollingCountThreadsExecuted: counts.rollingCountThreadsExecuted,
    rollingMaxActiveThreads: counts.rollingMaxActiveThreads,
    rollingCountCommandRejections: counts.rollingCountCommandRejections,
    propertyValue_metricsRollingStatisticalWindowInMilliseconds: pool.rollingWindowMs * pool.reportingHosts,
    reportingHosts: pool.reportingHosts,
  };
}
