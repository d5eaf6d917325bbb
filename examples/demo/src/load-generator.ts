/** What the load generator saw. */
export interface LoadCounts {
  /** Orders accepted with their delivery booked, in total and per delivery-service instance. */
  scheduled: number;
  byInstance: Record<string, number>;
  /** Orders accepted with their delivery pending (order-service's fallback answered), per reason. */
  pending: number;
  pendingReasons: Record<string, number>;
  /** Orders that got no 201: an error status, no answer within 5 s, or no connection. */
  failed: number;
}

const ITEMS = ['espresso machine', 'kettle', 'teapot', 'grinder', 'milk jug'];
const POSTCODES = ['EH6 6AA', '10115', '75011', 'SW1A 1AA', '1012 JS'];

/** The n-th order the generator sends: a few items, weights and postcodes in turn. */
export function sampleOrder(n: number): object {
  return {
    item: ITEMS[n % ITEMS.length],
    quantity: 1 + (n % 3),
    weightKg: 0.5 + (n % 12),
    address: { street: `${1 + (n % 99)} High Street`, city: 'Springfield', postcode: POSTCODES[n % POSTCODES.length] },
  };
}

export function emptyCounts(): LoadCounts {
  return { scheduled: 0, byInstance: {}, pending: 0, pendingReasons: {}, failed: 0 };
}

/** Sends orders to order-service at a steady rate and counts what comes back. */
export class LoadGenerator {
  readonly totals = emptyCounts();
  private window = emptyCounts();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private sent = 0;

  constructor(
    private readonly orderUrl: string,
    private readonly ratePerSecond: number,
  ) {}

  start(): void {
    if (this.ratePerSecond <= 0 || this.timer !== undefined) return;
    this.timer = setInterval(() => this.fire(), 1000 / this.ratePerSecond);
  }

  /** Stops sending and waits for the orders on their way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** The counts since the last call. */
  takeWindow(): LoadCounts {
    const window = this.window;
    this.window = emptyCounts();
    return window;
  }

  private fire(): void {
    const sending = this.send(sampleOrder(this.sent++)).then((outcome) => {
      for (const counts of [this.totals, this.window]) count(counts, outcome);
      this.inFlight.delete(sending);
    });
    this.inFlight.add(sending);
  }

  private async send(order: object): Promise<Outcome> {
    try {
      const res = await fetch(`${this.orderUrl}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(order),
        signal: AbortSignal.timeout(5000),
      });
      const body = (await res.json()) as { delivery?: { status?: string; instance?: string; reason?: string } };
      if (res.status !== 201 || body.delivery === undefined) return { kind: 'failed' };
      return body.delivery.status === 'scheduled'
        ? { kind: 'scheduled', detail: String(body.delivery.instance) }
        : { kind: 'pending', detail: String(body.delivery.reason) };
    } catch {
      return { kind: 'failed' };
    }
  }
}

type Outcome = { kind: 'scheduled' | 'pending'; detail: string } | { kind: 'failed' };

function count(counts: LoadCounts, outcome: Outcome): void {
  counts[outcome.kind]++;
  if (outcome.kind === 'failed') return;
  const table = outcome.kind === 'scheduled' ? counts.byInstance : counts.pendingReasons;
  table[outcome.detail] = (table[outcome.detail] ?? 0) + 1;
}

/** `12 scheduled (delivery-service-1: 6, delivery-service-2: 6) · 3 pending (VITAMIN_E_CIRCUIT_OPEN: 3) · 0 failed` */
export function describeCounts(counts: LoadCounts): string {
  const table = (entries: Record<string, number>) => {
    const parts = Object.entries(entries)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, n]) => `${name}: ${n}`);
    return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
  };
  return [
    `${counts.scheduled} scheduled${table(counts.byInstance)}`,
    `${counts.pending} pending${table(counts.pendingReasons)}`,
    `${counts.failed} failed`,
  ].join(' · ');
}
