/**
 * The recent request rate of each command of a cluster, one point per interval, for sparklines.
 * Bounded: `points` values per command, and commands not seen for a whole history are forgotten.
 */
export class RateHistory {
  private readonly series = new Map<string, { values: number[]; lastSeen: number }>();
  private lastPointAt = -Infinity;

  constructor(
    private readonly points: number,
    private readonly intervalMs: number,
  ) {}

  /** Whether a point is due at `now`. */
  isDue(now: number): boolean {
    return now - this.lastPointAt >= this.intervalMs;
  }

  /** Adds one point per command (0 for a known command that did not report). */
  add(now: number, rates: ReadonlyMap<string, number>): void {
    this.lastPointAt = now;
    for (const name of rates.keys()) {
      if (!this.series.has(name)) this.series.set(name, { values: [], lastSeen: now });
    }
    for (const [name, entry] of this.series) {
      const rate = rates.get(name);
      if (rate !== undefined) entry.lastSeen = now;
      else if (now - entry.lastSeen > this.points * this.intervalMs) {
        this.series.delete(name);
        continue;
      }
      entry.values.push(rate ?? 0);
      if (entry.values.length > this.points) entry.values.shift();
    }
  }

  /** The points of `name`, oldest first. */
  of(name: string): readonly number[] {
    return this.series.get(name)?.values ?? [];
  }

  /** Every command's points, oldest first. */
  all(): Record<string, readonly number[]> {
    return Object.fromEntries([...this.series].map(([name, entry]) => [name, entry.values]));
  }
}
