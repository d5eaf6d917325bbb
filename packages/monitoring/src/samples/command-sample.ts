import { EncodedHistogram, HYSTRIX_PERCENTILES } from '@vitamin/core/fleet';
import { WINDOW_PROPERTY, windowOrDefault } from './rolling-window.js';

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

export type CommandCounter = (typeof COMMAND_COUNTERS)[number];

const NO_PROPERTIES: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * One instance's latest view of one command. A monitor keeps thousands and replaces each twice a
 * second, so a sample is updated in place ({@link CommandSample.copyFrom}) rather than replaced:
 * nothing per event outlives the event, and the old generation of the heap stays still.
 */
export class CommandSample {
  readonly kind = 'command';
  group = '';
  currentTime = 0;
  /** When it arrived, on the monitor's clock (instances' clocks may disagree); 0: never filled. */
  receivedAt = 0;
  isCircuitBreakerOpen = false;
  /** In the order of {@link COMMAND_COUNTERS}. */
  readonly counts = new Float64Array(COMMAND_COUNTERS.length);
  /** The mergeable histogram, checked; empty for plain Hystrix instances (their percentiles are used). */
  readonly histogram = new EncodedHistogram();
  /** The instance's own `latencyExecute` at each of `HYSTRIX_PERCENTILES` (0 where absent). */
  readonly percentiles = new Float64Array(HYSTRIX_PERCENTILES.length);
  meanMs = 0;
  /** `propertyValue_*` fields (the instance's live settings), passed through. */
  properties: Readonly<Record<string, unknown>> = NO_PROPERTIES;

  constructor(readonly name: string) {}

  /** Takes every value of `other` (a sample of the same command). */
  copyFrom(other: CommandSample, receivedAt: number): void {
    if (this.group !== other.group) this.group = other.group;
    this.currentTime = other.currentTime;
    this.receivedAt = receivedAt;
    this.isCircuitBreakerOpen = other.isCircuitBreakerOpen;
    this.counts.set(other.counts);
    if (other.histogram.isEmpty) this.histogram.clear();
    else this.histogram.copyFrom(other.histogram);
    this.percentiles.set(other.percentiles);
    this.meanMs = other.meanMs;
    if (!sameValues(this.properties, other.properties)) this.properties = other.properties;
  }

  /** The rolling window the instance counts over, in ms (Hystrix's default when it does not say). */
  get rollingWindowMs(): number {
    return windowOrDefault(this.properties[WINDOW_PROPERTY]);
  }
}

/** True when both hold the same keys with the same values. */
function sameValues(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  let keys = 0;
  for (const key in a) {
    if (a[key] !== b[key]) return false;
    keys++;
  }
  for (const _ in b) keys--;
  return keys === 0;
}
