/** Counts of one subscription (a topic consumed by a group) since the messaging runtime started. */
export interface ConsumerCounts {
  readonly topic: string;
  readonly group: string;
  /** Messages the handler completed. */
  handled: number;
  /** Handler failures (each failed attempt). */
  failed: number;
  /** Failures sent back for another attempt. */
  retried: number;
  /** Messages moved to the dead-letter queue (exhausted, invalid or unhandled). */
  deadLettered: number;
  /** Messages skipped because the idempotency store had already seen them done. */
  duplicates: number;
  /** Messages the subscription's filter skipped. */
  filtered: number;
}

/**
 * Consumer counts per topic and group, for the actuator and metric streams. Counters are plain
 * fields incremented in place: nothing is allocated per message.
 */
export class ConsumerMetrics {
  private readonly counts = new Map<string, ConsumerCounts>();

  /** The counters of one subscription, created once when it starts. */
  counter(topic: string, group: string): ConsumerCounts {
    const id = `${group}\u0000${topic}`;
    let counts = this.counts.get(id);
    if (counts === undefined) {
      counts = { topic, group, handled: 0, failed: 0, retried: 0, deadLettered: 0, duplicates: 0, filtered: 0 };
      this.counts.set(id, counts);
    }
    return counts;
  }

  /** A copy of every subscription's counts. */
  snapshot(): ConsumerCounts[] {
    return [...this.counts.values()].map((counts) => ({ ...counts }));
  }
}
