/** Result of one load run. */
export interface LoadResult {
  readonly calls: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Latency percentiles in µs. */
  readonly p50: number;
  readonly p99: number;
}

/**
 * Runs `call` from `concurrency` callers in a loop for `durationMs` (after `warmupMs` not counted)
 * and reports throughput and latency. Stops by itself; bounded in time.
 */
export async function runLoad(
  call: () => Promise<unknown>,
  { concurrency = 32, durationMs = 3000, warmupMs = 500 } = {},
): Promise<LoadResult> {
  const latencies: number[] = [];
  let counting = false;
  let stop = false;
  const caller = async () => {
    while (!stop) {
      const start = performance.now();
      await call();
      if (counting) latencies.push(performance.now() - start);
    }
  };
  const callers = Array.from({ length: concurrency }, caller);
  await sleep(warmupMs);
  counting = true;
  const start = performance.now();
  await sleep(durationMs);
  counting = false;
  const seconds = (performance.now() - start) / 1000;
  stop = true;
  await Promise.all(callers);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 1000);
  return { calls: latencies.length, seconds, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

/**
 * Runs `call` from `concurrency` callers at a fixed total rate (below saturation), so the latency
 * of a call is its own cost and not the time it waited behind the others: at saturation a closed
 * loop's p50 is only concurrency / throughput again.
 */
export async function runPaced(
  call: () => Promise<unknown>,
  { concurrency = 32, perSecond, durationMs = 3000, warmupMs = 500 }: { perSecond: number } & Partial<PacedTimes>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const start = performance.now();
  const countFrom = start + warmupMs;
  const end = countFrom + durationMs;
  const gapMs = (1000 * concurrency) / perSecond;
  const caller = async (index: number) => {
    for (let due = start + (index * 1000) / perSecond; due < end; due += gapMs) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const begin = performance.now();
      await call();
      if (begin >= countFrom) latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => caller(index)));
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 1000);
  const seconds = durationMs / 1000;
  return { calls: latencies.length, seconds, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

interface PacedTimes {
  concurrency: number;
  durationMs: number;
  warmupMs: number;
}

/** The value below which a fraction `q` (0–1) of `values` fall (NaN when there are none). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Median of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
