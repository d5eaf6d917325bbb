import type { Metric } from 'prom-client';

/** One labelled series of an {@link HttpHistogram}: observing allocates nothing and builds no key. */
export class HistogramSeries {
  /** Per bucket (not cumulative), the last one for values above every bound. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Readonly<Record<string, string>>,
    private readonly bounds: readonly number[],
  ) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  /** Counts one value, in seconds. */
  observe(seconds: number): void {
    const bounds = this.bounds;
    let i = 0;
    while (i < bounds.length && seconds > bounds[i]!) i++;
    this.counts[i]! += 1;
    this.sum += seconds;
    this.count += 1;
  }
}

/**
 * A Prometheus histogram for per-request observations. prom-client's own histogram validates and
 * hashes the labels on every observation; here a series is resolved once per label set (callers
 * cache it) and turned into the exposition format only when Prometheus scrapes.
 */
export class HttpHistogram {
  private readonly series: HistogramSeries[] = [];

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly bounds: readonly number[],
  ) {}

  /** A new series for `labels`; the caller keeps it (one per distinct label set). */
  seriesFor(labels: Readonly<Record<string, string>>): HistogramSeries {
    const series = new HistogramSeries(labels, this.bounds);
    this.series.push(series);
    return series;
  }

  /** Every series, for tests and scrapes. */
  all(): readonly HistogramSeries[] {
    return this.series;
  }

  /** The histogram as a prom-client metric (cumulative `_bucket`, `_sum`, `_count` per series). */
  metric(): Metric {
    const { name, help, bounds } = this;
    const get = async () => ({
      name,
      help,
      type: 'histogram',
      aggregator: 'sum',
      values: this.series.flatMap((s) => {
        let cumulative = 0;
        const buckets = [...bounds.map(String), '+Inf'].map((le, i) => {
          cumulative += s.counts[i]!;
          return { metricName: `${name}_bucket`, labels: { ...s.labels, le }, value: cumulative };
        });
        return [
          ...buckets,
          { metricName: `${name}_sum`, labels: s.labels, value: s.sum },
          { metricName: `${name}_count`, labels: s.labels, value: s.count },
        ];
      }),
    });
    return { name, help, type: 'histogram', aggregator: 'sum', get } as unknown as Metric;
  }
}
