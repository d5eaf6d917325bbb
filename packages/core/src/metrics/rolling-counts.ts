/**
 * Counts of several events over a rolling time window split into buckets (Hystrix's rolling
 * counter). Buckets advance lazily from the time given to each call, so no timer runs; one flat
 * typed array holds every bucket, so counting allocates nothing.
 */
export class RollingCounts {
  private readonly counts: Float64Array;
  private readonly bucketMs: number;
  private current = 0;
  private currentStart: number;

  /**
   * @param events - how many distinct events are counted (indexes 0 … events − 1)
   * @param windowMs - length of the window, in ms
   * @param buckets - how many buckets the window is split into
   * @param now - the current time, in ms
   */
  constructor(
    private readonly events: number,
    readonly windowMs: number,
    readonly buckets: number,
    now: number,
  ) {
    if (!(windowMs > 0) || !Number.isInteger(buckets) || buckets < 1) {
      throw new RangeError(`rolling window needs windowMs > 0 and buckets ≥ 1, got ${windowMs} ms / ${buckets}`);
    }
    this.counts = new Float64Array(events * buckets);
    this.bucketMs = windowMs / buckets;
    this.currentStart = now;
  }

  /** Adds one to `event` at time `now`. */
  add(event: number, now: number): void {
    if (now - this.currentStart >= this.bucketMs) this.advance(now);
    this.counts[this.current * this.events + event]! += 1;
  }

  /** The count of `event` over the window ending at `now`. */
  sum(event: number, now: number): number {
    if (now - this.currentStart >= this.bucketMs) this.advance(now);
    let total = 0;
    for (let bucket = 0; bucket < this.buckets; bucket++) total += this.counts[bucket * this.events + event]!;
    return total;
  }

  /** Forgets every count (a circuit that closes starts with a clean health window). */
  reset(now: number): void {
    this.counts.fill(0);
    this.currentStart = now;
  }

  private advance(now: number): void {
    const steps = Math.floor((now - this.currentStart) / this.bucketMs);
    if (steps >= this.buckets) {
      this.counts.fill(0);
    } else {
      for (let step = 0; step < steps; step++) {
        this.current = (this.current + 1) % this.buckets;
        this.counts.fill(0, this.current * this.events, (this.current + 1) * this.events);
      }
    }
    if (steps >= this.buckets) this.current = (this.current + steps) % this.buckets;
    this.currentStart += steps * this.bucketMs;
  }
}
