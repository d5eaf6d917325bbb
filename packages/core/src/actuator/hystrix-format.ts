import type { CommandEventCounts, CommandView, GroupView, LatencyView } from './metrics-source.js';

/** The percentiles of Hystrix's latency maps, as the dashboard reads their keys. */
export const HYSTRIX_PERCENTILES = Object.freeze(['0', '25', '50', '75', '90', '95', '99', '99.5', '100']);

/** Name of the extension field carrying the encoded latency histogram (mergeable across instances). */
export const HISTOGRAM_FIELD = 'vitaminLatencyHistogram';

/** Executions the circuit judges (Hystrix's health counts: short-circuits and bad requests excluded). */
export function requestCount(counts: CommandEventCounts): number {
  return counts.success + errorCount(counts);
}

/** Failures, timeouts and rejections over the window. */
export function errorCount(counts: CommandEventCounts): number {
  return counts.failure + counts.timeout + counts.bulkheadRejected + counts.poolRejected;
}

/** Errors as a whole percentage of {@link requestCount} (0 when there were no requests). */
export function errorPercentage(counts: CommandEventCounts): number {
  const total = requestCount(counts);
  return total === 0 ? 0 : Math.round((errorCount(counts) / total) * 100);
}

function percentiles(latency: LatencyView): Record<string, number> {
  const map: Record<string, number> = {};
  for (const key of HYSTRIX_PERCENTILES) map[key] = Math.round(latency.percentile(Number(key)));
  return map;
}

/**
 * One `HystrixCommand` event, with Hystrix's field names, types and units (counts as integers,
 * latencies in whole ms, `currentTime` in ms since the epoch). Execution and total latency are
 * the same histogram: vitamin records one latency per execution, fallback included.
 */
export function hystrixCommandEvent(command: CommandView, now: number): Record<string, unknown> {
  const { counts, settings, latency } = command;
  const latencies = percentiles(latency);
  const mean = Math.round(latency.mean);
  return {
    type: 'HystrixCommand',
    name: command.key,
    group: command.group,
    currentTime: now,
    isCircuitBreakerOpen: command.circuit === 'open' || command.circuit === 'forced-open',
    errorPercentage: errorPercentage(counts),
    errorCount: errorCount(counts),
    requestCount: requestCount(counts),
    rollingCountBadRequests: counts.badRequest,
    rollingCountCollapsedRequests: 0,
    rollingCountEmit: 0,
    rollingCountExceptionsThrown: 0,
    rollingCountFailure: counts.failure,
    rollingCountFallbackEmit: 0,
    rollingCountFallbackFailure: counts.fallbackFailure,
    rollingCountFallbackMissing: 0,
    rollingCountFallbackRejection: 0,
    rollingCountFallbackSuccess: counts.fallbackSuccess,
    rollingCountResponsesFromCache: 0,
    rollingCountSemaphoreRejected: counts.bulkheadRejected,
    rollingCountShortCircuited: counts.shortCircuited,
    rollingCountSuccess: counts.success,
    rollingCountThreadPoolRejected: counts.poolRejected,
    rollingCountTimeout: counts.timeout,
    currentConcurrentExecutionCount: command.concurrency,
    rollingMaxConcurrentExecutionCount: command.concurrency,
    latencyExecute_mean: mean,
    latencyExecute: latencies,
    latencyTotal_mean: mean,
    latencyTotal: latencies,
    propertyValue_circuitBreakerRequestVolumeThreshold: settings.requestVolumeThreshold,
    propertyValue_circuitBreakerSleepWindowInMilliseconds: settings.sleepWindowMs,
    propertyValue_circuitBreakerErrorThresholdPercentage: settings.errorThresholdPercentage,
    propertyValue_circuitBreakerForceOpen: settings.forceOpen,
    propertyValue_circuitBreakerForceClosed: settings.forceClosed,
    propertyValue_circuitBreakerEnabled: settings.circuitEnabled,
    propertyValue_executionIsolationStrategy: 'SEMAPHORE',
    propertyValue_executionIsolationThreadTimeoutInMilliseconds: settings.timeoutMs,
    propertyValue_executionTimeoutInMilliseconds: settings.timeoutMs,
    propertyValue_executionIsolationThreadInterruptOnTimeout: true,
    propertyValue_executionIsolationThreadPoolKeyOverride: null,
    propertyValue_executionIsolationSemaphoreMaxConcurrentRequests: settings.maxConcurrent,
    propertyValue_fallbackIsolationSemaphoreMaxConcurrentRequests: settings.maxConcurrent,
    propertyValue_metricsRollingStatisticalWindowInMilliseconds: settings.rollingWindowMs,
    propertyValue_requestCacheEnabled: false,
    propertyValue_requestLogEnabled: false,
    reportingHosts: 1,
    threadPool: command.group,
    [HISTOGRAM_FIELD]: latency.encoded,
  };
}

/** One `HystrixThreadPool` event for a group's concurrency pool. */
export function hystrixThreadPoolEvent(group: GroupView, now: number): Record<string, unknown> {
  return {
    type: 'HystrixThreadPool',
    name: group.group,
    currentTime: now,
    currentActiveCount: group.active,
    currentCompletedTaskCount: group.executed,
    currentCorePoolSize: group.maxConcurrent,
    currentLargestPoolSize: group.maxConcurrent,
    currentMaximumPoolSize: group.maxConcurrent,
    currentPoolSize: group.maxConcurrent,
    currentQueueSize: group.queued,
    currentTaskCount: group.executed + group.active + group.queued,
    rollingCountThreadsExecuted: group.executed,
    rollingMaxActiveThreads: group.active,
    rollingCountCommandRejections: group.rejected,
    propertyValue_queueSizeRejectionThreshold: group.maxQueue,
    propertyValue_metricsRollingStatisticalWindowInMilliseconds: group.rollingWindowMs,
    reportingHosts: 1,
  };
}
