// Question: what does wrapping an async call in a command cost per call, beside bare opossum (its
// defaults) and cockatiel's bulkhead + breaker + timeout stack? Target: a vitamin command with its
// defaults (breaker, bulkhead, timeout, metrics with histogram) adds ≤ 0.8 µs per call.
// Run: npm run build && node bench/dist/command-overhead.js
import { bulkhead, circuitBreaker, handleAll, SamplingBreaker, timeout, TimeoutStrategy, wrap } from 'cockatiel';
import OpossumBreaker from 'opossum';
import { CommandRegistry } from '@vitamin/core';
import { median } from './load.js';

const ROUNDS = Number(process.env['ROUNDS'] ?? 5);
const CALLS = Number(process.env['CALLS'] ?? 200_000);

const work = (): Promise<number> => Promise.resolve(42);

const opossum = new OpossumBreaker(work);
const cockatiel = wrap(
  bulkhead(10),
  circuitBreaker(handleAll, {
    halfOpenAfter: 5000,
    breaker: new SamplingBreaker({ threshold: 0.5, duration: 10_000 }),
  }),
  timeout(1000, TimeoutStrategy.Aggressive),
);
const registry = new CommandRegistry();
const command = registry.command('bench');
const noArgs: [] = [];

const candidates: Record<string, () => Promise<unknown>> = {
  bare: work,
  opossum: () => opossum.fire(),
  cockatiel: () => cockatiel.execute(work),
  vitamin: () => command.execute(work, noArgs),
};

/** µs per call of `call`, `CALLS` calls one after the other. */
async function measure(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) await call();
  return ((performance.now() - start) * 1000) / CALLS;
}

const samples: Record<string, number[]> = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
for (const call of Object.values(candidates)) await measure(call); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, call] of Object.entries(candidates)) samples[name]!.push(await measure(call));
}
const perCall = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
const bare = perCall['bare']!;
console.log(`per-call cost, ${CALLS} sequential calls, median of ${ROUNDS} rounds`);
for (const [name, micros] of Object.entries(perCall)) {
  const added = micros - bare;
  const ratio =
    name === 'bare'
      ? ''
      : `  adds ${added.toFixed(2)} µs  (${(added / (perCall['opossum']! - bare)).toFixed(2)}× opossum's)`;
  console.log(`  ${name.padEnd(10)} ${micros.toFixed(2)} µs/call${ratio}`);
}
const ours = perCall['vitamin']! - bare;
console.log(`  vitamin command adds ${ours.toFixed(2)} µs/call (target ≤ 0.80): ${ours <= 0.8 ? 'met' : 'missed'}`);
console.log(
  `  histogram recorded ${command.metrics.histogram.count} latencies; p99 ${command.metrics.histogram.percentile(99).toFixed(3)} ms`,
);
opossum.shutdown();
registry.close();
