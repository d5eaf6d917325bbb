import { describe, expect, it } from 'vitest';
import { EncodedHistogram, LatencyHistogram } from './latency-histogram.js';

function filled(values: readonly number[]): LatencyHistogram {
  const histogram = new LatencyHistogram();
  for (const value of values) histogram.record(value);
  return histogram;
}

describe('LatencyHistogram', () => {
  it('gives percentiles within 1.6 % of the exact ones', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => 0.05 + i * 0.173);
    const summary = filled(values).summary();
    const exact = (p: number) => values[Math.ceil((p / 100) * values.length) - 1]!;
    for (const [p, got] of [
      [50, summary.p50],
      [90, summary.p90],
      [99, summary.p99],
      [99.5, summary.p995],
    ] as const) {
      expect(Math.abs(got - exact(p)) / exact(p)).toBeLessThan(0.016);
    }
    expect(summary.max).toBeCloseTo(values.at(-1)!, 3);
    expect(summary.count).toBe(10_000);
  });

  it('counts values below 128 µs exactly', () => {
    expect(filled([0.001, 0.002, 0.003, 0.127]).percentile(75)).toBe(0.003);
  });

  it('merges exactly: two halves give the percentiles of the whole', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 3000);
    const whole = filled(values);
    const merged = filled(values.slice(0, 2000)).merge(filled(values.slice(2000)));
    expect(merged.summary()).toEqual(whole.summary());
    expect(merged.encode()).toBe(whole.encode());
  });

  it('survives encoding and decoding unchanged, compactly', () => {
    const histogram = filled([1, 2, 2, 5, 80, 1200, 0.2, 35_000]);
    const text = histogram.encode();
    expect(LatencyHistogram.decode(text).summary()).toEqual(histogram.summary());
    expect(text.length).toBeLessThan(60);
  });

  it('merges an encoded histogram as decoding and merging would, and adds nothing from invalid text', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    for (let i = 1; i <= 500; i++) (i % 2 === 0 ? a : b).record(i / 3);
    const merged = a.copy().mergeEncoded(b.encode());
    expect(merged.encode()).toBe(a.copy().merge(LatencyHistogram.decode(b.encode())).encode());
    // A last bucket whose count varint never ends.
    const truncated = Buffer.concat([Buffer.from(b.encode(), 'base64url'), Buffer.from([0, 0x80])]).toString(
      'base64url',
    );
    expect(() => merged.mergeEncoded(truncated)).toThrow(RangeError);
    expect(() => new EncodedHistogram().read(truncated)).toThrow(RangeError);
    expect(merged.count).toBe(500);
    expect(merged.mean).toBeCloseTo(merged.summary().mean, 9);
    expect(() => new EncodedHistogram().read(b.encode())).not.toThrow();
  });

  it('reads an encoded histogram once and merges it as often as asked, reusing its memory', () => {
    const big = filled(Array.from({ length: 300 }, (_, i) => i * 1.7));
    const small = filled([3, 4]);
    const encoded = new EncodedHistogram().read(big.encode());
    const bytes = encoded.bytes;
    // A shorter text reuses the bytes: nothing of the longer one leaks into the merge.
    encoded.read(small.encode());
    expect(encoded.bytes).toBe(bytes);
    const merged = new LatencyHistogram().mergeChecked(encoded).mergeChecked(encoded);
    expect(merged.count).toBe(4);
    expect(merged.percentile(100)).toBe(4);
    expect(new EncodedHistogram().copyFrom(encoded).size).toBe(encoded.size);
    expect(merged.clear().count).toBe(0);
    expect(merged.mergeChecked(new EncodedHistogram()).count).toBe(0);
  });

  it.each([
    ['', /empty/],
    ['AAAA', /unknown version/],
    [Buffer.from([1, 5, 5, 0xd0, 0x0f, 1]).toString('base64url'), /out of range/],
    [Buffer.from([1, 5, 0x80]).toString('base64url'), /truncated/],
  ])('refuses %j as an encoded histogram, and is empty after', (text, reason) => {
    const encoded = new EncodedHistogram().read(filled([1]).encode());
    expect(() => encoded.read(text)).toThrow(reason);
    expect(encoded.isEmpty).toBe(true);
  });

  it('gives several percentiles in one pass, equal to asking for each', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 1000; i++) h.record((i * 37) % 400);
    const asked = [99, 0, 50, 100, 25, 99.5];
    expect(h.percentiles(asked)).toEqual(asked.map((p) => h.percentile(p)));
    expect(new LatencyHistogram().percentiles([50, 99])).toEqual([0, 0]);
  });

  it('refuses text that is not an encoded histogram', () => {
    expect(() => LatencyHistogram.decode('AAAA')).toThrow(/unknown version/);
    expect(() => LatencyHistogram.decode(Buffer.from([1, 0x80]).toString('base64url'))).toThrow(/truncated/);
  });

  it('clamps negative and huge values instead of failing', () => {
    const histogram = filled([-5, 10 ** 12]);
    expect(histogram.count).toBe(2);
    expect(histogram.percentile(50)).toBe(0);
    expect(histogram.summary().max).toBeCloseTo(2147483.647, 3);
  });
});
