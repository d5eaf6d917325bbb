// Question: how much throughput does a vitamin provider client keep compared with raw undici, calling
// the same server at 32 concurrent callers? Target: at least 90 %. Run: npm run build && node bench/dist/client-throughput.js
import { Pool } from 'undici';
import { CommandRegistry, createClient, InMemoryConfig, UndiciTransport } from '@vitamin/core';
import { GreetingClient } from './greeting-client.js';
import { median, runLoad, type LoadResult } from './load.js';
import { startServerProcess } from './servers.js';

const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
const { url, child } = await startServerProcess('raw');
const pool = new Pool(url, { connections: 64 });
const transport = new UndiciTransport({ connections: 64 });
// Every call runs as a command; its bulkhead must admit the 32 callers (the default is 10).
const commands = new CommandRegistry({
  config: new InMemoryConfig({ 'vitamin.command.default.maxConcurrent': 64 }),
});
const client = createClient(GreetingClient, { baseUrl: url, transport, commands });

const raw = async () => {
  const res = await pool.request({ method: 'GET', path: '/greetings/42', headers: { accept: 'application/json' } });
  return res.body.json();
};
const ours = () => client.get({ path: { id: '42' } });

const results: { raw: LoadResult[]; vitamin: LoadResult[] } = { raw: [], vitamin: [] };
for (let round = 0; round < ROUNDS; round++) {
  results.raw.push(await runLoad(raw));
  results.vitamin.push(await runLoad(ours));
}
const rawRate = median(results.raw.map((r) => r.perSecond));
const ourRate = median(results.vitamin.map((r) => r.perSecond));
console.log(`client throughput at 32 concurrent callers, median of ${ROUNDS} rounds`);
console.log(`  raw undici Pool     ${rawRate.toFixed(0)} calls/s  p50 ${median(results.raw.map((r) => r.p50))} µs`);
console.log(`  vitamin client      ${ourRate.toFixed(0)} calls/s  p50 ${median(results.vitamin.map((r) => r.p50))} µs`);
console.log(`  ratio               ${(ourRate / rawRate).toFixed(3)} (target ≥ 0.90)`);

await pool.close();
await transport.close();
commands.close();
child.kill();
