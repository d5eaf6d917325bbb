import { readVarint, writeVarint } from './varint.js';

/** Values below this are counted exactly; above, each power of two is split in {@link HALF} buckets. */
const LINEAR = 128;
const HALF = LINEAR / 2;
/** Largest value recorded, in µs (about 35 minutes); larger values count here. */
const MAX_VALUE = 2 ** 31 - 1;
const BUCKETS = LINEAR + (31 - 7) * HALF;
const ENCODING_VERSION = 1;
/** Where {@link LatencyHistogram.encode} writes: room for the header and every bucket (8-byte varints at most). */
const ENCODE_BUFFER = Buffer.allocUnsafeSlow(1 + 2 * 8 + BUCKETS * (2 + 8));

/** Latency percentiles and extremes, in ms. */
export interface LatencySummary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p995: number;
  readonly max: number;
}

/**
 * A latency histogram in log-linear buckets (the layout of HDR histograms with two significant
 * digits): values in µs, exact below 128 µs, within 1.6 % above. Two histograms merge exactly by
 * adding their buckets, so a cluster's percentiles are computed from merged counts, never averaged.
 */
export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private sumMicros = 0;
  private maxMicros = 0;

  /** Records one latency given in ms. */
  record(ms: number): void {
    let micros = Math.round(ms * 1000);
    if (!(micros >= 0)) micros = 0;
    else if (micros > MAX_VALUE) micros = MAX_VALUE;
    this.counts[bucketOf(micros)]! += 1;
    this.total += 1;
    this.sumMicros += micros;
    if (micros > this.maxMicros) this.maxMicros = micros;
  }

  /** How many latencies were recorded. */
  get count(): number {
    return this.total;
  }

  /** Adds every count of `other` to this histogram. */
  merge(other: LatencyHistogram): this {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!;
    this.total += other.total;
    this.sumMicros += other.sumMicros;
    if (other.maxMicros > this.maxMicros) this.maxMicros = other.maxMicros;
    return this;
  }

  /** The latency in ms below which `percentile` % of the recorded ones fall (0 when empty). */
  percentile(percentile: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil((percentile / 100) * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(highestOf(i), this.maxMicros) / 1000;
    }
    return this.maxMicros / 1000;
  }

  /**
   * Several percentiles in one pass over the buckets (what {@link percentile} gives for each, in
   * the order asked).
   */
  percentiles(percentiles: readonly number[]): number[] {
    const order = percentiles.map((p, i) => ({ i, rank: Math.max(1, Math.ceil((p / 100) * this.total)) }));
    order.sort((a, b) => a.rank - b.rank);
    const result = new Array<number>(percentiles.length).fill(0);
    if (this.total === 0) return result;
    let next = 0;
    let seen = 0;
    for (let bucket = 0; bucket < BUCKETS && next < order.length; bucket++) {
      seen += this.counts[bucket]!;
      while (next < order.length && seen >= order[next]!.rank) {
        result[order[next]!.i] = Math.min(highestOf(bucket), this.maxMicros) / 1000;
        next++;
      }
    }
    for (; next < order.length; next++) result[order[next]!.i] = this.maxMicros / 1000;
    return result;
  }

  /** p50, p90, p99, p99.5, max and mean, in ms. */
  summary(): LatencySummary {
    return {
      count: this.total,
      mean: this.total === 0 ? 0 : this.sumMicros / this.total / 1000,
      p50: this.percentile(50),
      p90: this.percentile(90),
      p99: this.percentile(99),
      p995: this.percentile(99.5),
      max: this.maxMicros / 1000,
    };
  }

  /** A copy that later records do not change. */
  copy(): LatencyHistogram {
    return new LatencyHistogram().merge(this);
  }

  /**
   * A compact text form (base64url of varints: only non-empty buckets, as gaps and counts) that
   * {@link LatencyHistogram.decode} reads back exactly; metric streams carry it between instances.
   */
  encode(): string {
    const bytes = ENCODE_BUFFER;
    bytes[0] = ENCODING_VERSION;
    let offset = writeVarint(bytes, 1, this.maxMicros);
    offset = writeVarint(bytes, offset, this.sumMicros);
    let previous = -1;
    for (let i = 0; i < BUCKETS; i++) {
      const count = this.counts[i]!;
      if (count === 0) continue;
      offset = writeVarint(bytes, offset, i - previous - 1);
      offset = writeVarint(bytes, offset, count);
      previous = i;
    }
    return bytes.toString('base64url', 0, offset);
  }

  /**
   * Reads what {@link LatencyHistogram.encode} wrote.
   * @throws RangeError when `text` is not an encoded histogram
   */
  static decode(text: string): LatencyHistogram {
    return new LatencyHistogram().mergeEncoded(text);
  }

  /**
   * Adds the counts of an encoded histogram to this one. Nothing is added when `text` is invalid.
   * @throws RangeError when `text` is not an encoded histogram
   */
  mergeEncoded(text: string): this {
    return this.mergeChecked(new EncodedHistogram().read(text));
  }

  /** Adds the counts of an encoded histogram already read and checked (see {@link EncodedHistogram}). */
  mergeChecked(encoded: EncodedHistogram): this {
    const { maxMicros, sumMicros } = walk(encoded.bytes, encoded.size, this.addBucket);
    this.sumMicros += sumMicros;
    if (maxMicros > this.maxMicros) this.maxMicros = maxMicros;
    return this;
  }

  /** Empties the histogram, keeping its buckets' memory for reuse. */
  clear(): this {
    this.counts.fill(0);
    this.total = 0;
    this.sumMicros = 0;
    this.maxMicros = 0;
    return this;
  }

  private readonly addBucket = (index: number, count: number): void => {
    this.counts[index]! += count;
    this.total += count;
  };

  /** The mean latency in ms (0 when empty). */
  get mean(): number {
    return this.total === 0 ? 0 : this.sumMicros / this.total / 1000;
  }
}

const EMPTY = new Uint8Array(0);

/**
 * An encoded histogram (what {@link LatencyHistogram.encode} writes) read into bytes once and
 * checked, so that merging it later decodes nothing: what a monitor merging thousands of streamed
 * histograms a second needs. Reusable: {@link EncodedHistogram.read} overwrites it and allocates
 * only when the text is longer than any it held before.
 */
export class EncodedHistogram {
  /** @internal */
  bytes: Uint8Array = EMPTY;
  /** Bytes in use (0: empty, merges as nothing). @internal */
  size = 0;

  /**
   * Replaces the content with the encoded histogram `text`; on failure the content is empty.
   * @throws RangeError when `text` is not an encoded histogram
   */
  read(text: string): this {
    this.size = 0;
    const needed = Math.ceil((text.length * 3) / 4);
    if (this.bytes.length < needed) this.bytes = Buffer.allocUnsafeSlow(capacityFor(needed));
    const size = (this.bytes as Buffer).write(text, 0, 'base64url');
    if (size === 0) throw new RangeError('not an encoded latency histogram (empty)');
    walk(this.bytes, size, ignoreBucket);
    this.size = size;
    return this;
  }

  /** Replaces the content with a copy of `other`'s. */
  copyFrom(other: EncodedHistogram): this {
    if (this.bytes.length < other.size) this.bytes = Buffer.allocUnsafeSlow(capacityFor(other.size));
    this.bytes.set(other.bytes.subarray(0, other.size));
    this.size = other.size;
    return this;
  }

  /** Empties it (it then merges as nothing). */
  clear(): void {
    this.size = 0;
  }

  /** True when it holds no histogram. */
  get isEmpty(): boolean {
    return this.size === 0;
  }
}

const ignoreBucket = (): void => undefined;

/** Bytes reserved for `size`: a quarter more, so a histogram that grows a little reallocates rarely. */
function capacityFor(size: number): number {
  return Math.max(128, Math.ceil((size * 1.25) / 64) * 64);
}

/**
 * Walks the first `size` bytes of an encoded histogram, calling `onBucket` for each non-empty bucket.
 * @throws RangeError when they are not an encoded histogram
 */
function walk(
  bytes: Uint8Array,
  size: number,
  onBucket: (index: number, count: number) => void,
): { maxMicros: number; sumMicros: number } {
  if (size === 0) return { maxMicros: 0, sumMicros: 0 };
  if (bytes[0] !== ENCODING_VERSION) throw new RangeError('not an encoded latency histogram (unknown version)');
  const at = { offset: 1 };
  const maxMicros = readVarint(bytes, at, size);
  const sumMicros = readVarint(bytes, at, size);
  let index = -1;
  while (at.offset < size) {
    index += readVarint(bytes, at, size) + 1;
    const count = readVarint(bytes, at, size);
    if (index >= BUCKETS) throw new RangeError(`encoded latency histogram has a bucket out of range (${index})`);
    onBucket(index, count);
  }
  return { maxMicros, sumMicros };
}

function bucketOf(micros: number): number {
  if (micros < LINEAR) return micros;
  const shift = 31 - Math.clz32(micros) - 6;
  return LINEAR + (shift - 1) * HALF + ((micros >>> shift) - HALF);
}

function highestOf(bucket: number): number {
  if (bucket < LINEAR) return bucket;
  const k = bucket - LINEAR;
  const shift = Math.floor(k / HALF) + 1;
  return (HALF + (k % HALF) + 1) * 2 ** shift - 1;
}
