// Question: what does choosing an instance cost? Pick (and report) among 100 instances with each
// rule, against a bare array index as the floor. Target: well under 1 µs per pick.
// Run: npm run build && node bench/dist/balancer-pick.js
import { instanceFromUrl, LoadBalancer, RULE_NAMES, type RuleName } from '@vitamin/core';
import { median } from './load.js';

const ROUNDS = Number(process.env['ROUNDS'] ?? 5);
const PICKS = 2_000_000;
const instances = Array.from({ length: 100 }, (_, i) =>
  instanceFromUrl('bench', `http://10.0.${i >> 8}.${i & 255}:8080`, 'bench', {
    metadata: { weight: 1 + (i % 5), zone: i % 3 === 0 ? 'a' : 'b' },
  }),
);

/** Nanoseconds per operation of `run(PICKS)`. */
function time(run: (n: number) => unknown): number {
  const start = process.hrtime.bigint();
  run(PICKS);
  return Number(process.hrtime.bigint() - start) / PICKS;
}

const origins = instances.map((i) => `http://${i.host}:${i.port}`);
let sink = 0;
const floor = (n: number) => {
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (++next === origins.length) next = 0;
    sink += origins[next]!.length;
  }
};

const results = new Map<string, number[]>([['array index (floor)', []]]);
const balancers = RULE_NAMES.map((rule: RuleName) => {
  const balancer = new LoadBalancer('bench', { rule }, { zone: 'a' });
  balancer.update(instances);
  results.set(rule, []);
  return { rule, balancer };
});
for (let round = 0; round < ROUNDS; round++) {
  results.get('array index (floor)')!.push(time(floor));
  for (const { rule, balancer } of balancers) {
    results.get(rule)!.push(
      time((n) => {
        for (let i = 0; i < n; i++) {
          const endpoint = balancer.choose()!;
          balancer.report(endpoint, 'success');
        }
      }),
    );
  }
}
console.log(`choose + report among 100 instances, ns per pick, median of ${ROUNDS} rounds of ${PICKS}`);
for (const [name, values] of results) console.log(`  ${name.padEnd(22)} ${median(values).toFixed(1)} ns`);
console.log('  (target: well under 1000 ns)');
if (sink === -1) console.log('unreachable: keeps the floor loop from being optimised away');
