// Question: what do the per-request metrics of the actuator (the HTTP server histogram, on by
// default) cost? Compares the same vitamin app with the actuator off and on, raw node:http for
// scale. Run: npm run build && node bench/dist/server-metrics.js
import { Pool } from 'undici';
import { median, runLoad } from './load.js';
import { serverCpuMicros, startServerProcess } from './servers.js';

const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
const kinds = ['raw', 'vitamin-bare', 'vitamin'] as const;
const servers = await Promise.all(kinds.map((kind) => startServerProcess(kind)));
const pools = servers.map((server) => new Pool(server.url, { connections: 64 }));

const rates: number[][] = kinds.map(() => []);
// Server CPU time per request, in µs: less disturbed than throughput when the machine is busy.
const costs: number[][] = kinds.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, pool] of pools.entries()) {
    const cpuBefore = await serverCpuMicros(servers[i]!.child);
    const result = await runLoad(async () => {
      const res = await pool.request({ method: 'GET', path: '/greetings/42' });
      return res.body.json();
    });
    costs[i]!.push(((await serverCpuMicros(servers[i]!.child)) - cpuBefore) / result.calls);
    rates[i]!.push(result.perSecond);
  }
}
const [raw, bare, metered] = rates.map(median) as [number, number, number];
const [rawCost, bareCost, meteredCost] = costs.map(median) as [number, number, number];
const line = (label: string, rate: number, cost: number) =>
  console.log(`  ${label.padEnd(28)}${rate.toFixed(0).padStart(7)} req/s  ${cost.toFixed(1).padStart(6)} µs CPU/req`);
console.log(`server at 32 concurrent callers, median of ${ROUNDS} rounds`);
line('raw node:http', raw, rawCost);
line('vitamin, actuator off', bare, bareCost);
line('vitamin, actuator on', metered, meteredCost);
console.log(`  throughput ratio on / off   ${(metered / bare).toFixed(3)} (target ≥ 0.90)`);
console.log(`  CPU added per request       ${(meteredCost - bareCost).toFixed(1)} µs`);

await Promise.all(pools.map((pool) => pool.close()));
for (const server of servers) server.child.kill();
