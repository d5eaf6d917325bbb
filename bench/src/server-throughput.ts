// Question: how much throughput does the decorated vitamin server keep compared with raw node:http
// serving the same JSON? Target: at least 85 %. Run: npm run build && node bench/dist/server-throughput.js
import { Pool } from 'undici';
import { median, runLoad, type LoadResult } from './load.js';
import { startServerProcess } from './servers.js';

const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
const raw = await startServerProcess('raw');
const ours = await startServerProcess('vitamin');
const pools = { raw: new Pool(raw.url, { connections: 64 }), vitamin: new Pool(ours.url, { connections: 64 }) };

const caller = (pool: Pool) => async () => {
  const res = await pool.request({ method: 'GET', path: '/greetings/42' });
  return res.body.json();
};

const results: { raw: LoadResult[]; vitamin: LoadResult[] } = { raw: [], vitamin: [] };
for (let round = 0; round < ROUNDS; round++) {
  results.raw.push(await runLoad(caller(pools.raw)));
  results.vitamin.push(await runLoad(caller(pools.vitamin)));
}
const rawRate = median(results.raw.map((r) => r.perSecond));
const ourRate = median(results.vitamin.map((r) => r.perSecond));
console.log(`server throughput at 32 concurrent callers, median of ${ROUNDS} rounds`);
console.log(`  raw node:http       ${rawRate.toFixed(0)} req/s`);
console.log(`  vitamin server      ${ourRate.toFixed(0)} req/s`);
console.log(`  ratio               ${(ourRate / rawRate).toFixed(3)} (target ≥ 0.85)`);

await Promise.all([pools.raw.close(), pools.vitamin.close()]);
raw.child.kill();
ours.child.kill();
