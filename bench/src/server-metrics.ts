// Question: what do the per-request metrics of the actuator (the HTTP server histogram, on by
// default) cost? Compares the same vitamin app with the actuator off and on, raw node:http for
// scale. Run: npm run build && node bench/dist/server-metrics.js
import { Pool } from 'undici';
import { median, runLoad } from './load.js';
import { startServerProcess } from './servers.js';

const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
const kinds = ['raw', 'vitamin-bare', 'vitamin'] as const;
const servers = await Promise.all(kinds.map((kind) => startServerProcess(kind)));
const pools = servers.map((server) => new Pool(server.url, { connections: 64 }));

const rates: number[][] = kinds.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, pool] of pools.entries()) {
    const result = await runLoad(async () => {
      const res = await pool.request({ method: 'GET', path: '/greetings/42' });
      return res.body.json();
    });
    rates[i]!.push(result.perSecond);
  }
}
const [raw, bare, metered] = rates.map(median) as [number, number, number];
console.log(`server throughput at 32 concurrent callers, median of ${ROUNDS} rounds`);
console.log(`  raw node:http                 ${raw.toFixed(0)} req/s`);
console.log(`  vitamin, actuator off         ${bare.toFixed(0)} req/s`);
console.log(`  vitamin, actuator on          ${metered.toFixed(0)} req/s`);
console.log(`  ratio on / off                ${(metered / bare).toFixed(3)} (target ≥ 0.90)`);

await Promise.all(pools.map((pool) => pool.close()));
for (const server of servers) server.child.kill();
