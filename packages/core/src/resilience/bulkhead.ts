/**
 * A semaphore bulkhead: at most `capacity` permits out at once, and no queue (rejection is
 * immediate). A permit is returned only when the work really settled, not when the caller stopped
 * waiting, so a timed-out call that still runs keeps counting against the bound.
 */
export class Bulkhead {
  private inUse = 0;

  constructor(public capacity: number) {}

  /** Permits out now. */
  get active(): number {
    return this.inUse;
  }

  /** Takes a permit if one is free. */
  tryAcquire(): boolean {
    if (this.inUse >= this.capacity) return false;
    this.inUse++;
    return true;
  }

  /** Returns a permit. */
  release(): void {
    this.inUse--;
  }
}
