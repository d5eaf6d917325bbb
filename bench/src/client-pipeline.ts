// Question: what does the whole client pipeline cost — provider client → load balancer over 2
// instances → undici transport — against raw undici calling the same 2 instances in turn, at 32
// concurrent callers? Targets: at least 80 % of the throughput, under 50 µs added at p50.
// Run: npm run build && node bench/dist/client-pipeline.js
import { Pool } from 'undici';
import {
  createApp,
  createLogger,
  UndiciTransport,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '@vitamin/core';
import { GreetingClient } from './greeting-client.js';
import { median, runLoad, runPaced, type LoadResult } from './load.js';
import { startServerProcess } from './servers.js';

// Short rounds, alternated, so that load from other processes falls on both sides alike.
const ROUNDS = Number(process.env['ROUNDS'] ?? 9);
const ROUND = { durationMs: 1000, warmupMs: 200 };
const servers = [await startServerProcess('raw'), await startServerProcess('raw')];
const pools = servers.map(({ url }) => new Pool(url, { connections: 64 }));
const transport = new UndiciTransport({ connections: 64 });
// An app calling the two servers through `transport`; 32 callers share one command, so its
// bulkhead (10 by default) must admit them all.
const consumer = (name: string, over: Transport) =>
  createApp({
    name,
    providers: [GreetingClient],
    transport: over,
    logger: createLogger({ level: 'silent' }),
    config: {
      vitamin: { services: { 'greeting-service': { instances: servers.map((s) => s.url) } } },
      'vitamin.command.default.maxConcurrent': 64,
    },
  });
const app = consumer('bench-caller', transport);
const client = app.get(GreetingClient);

let next = 0;
const raw = async () => {
  const pool = pools[(next = next === 0 ? 1 : 0)]!;
  const res = await pool.request({ method: 'GET', path: '/greetings/42', headers: { accept: 'application/json' } });
  return res.body.json();
};
const ours = () => client.get({ path: { id: '42' } });

const results: { raw: LoadResult[]; vitamin: LoadResult[] } = { raw: [], vitamin: [] };
for (let round = 0; round < ROUNDS; round++) {
  results.raw.push(await runLoad(raw, ROUND));
  results.vitamin.push(await runLoad(ours, ROUND));
}
const rate = (r: LoadResult[]) => median(r.map((x) => x.perSecond));
const p50 = (r: LoadResult[]) => median(r.map((x) => x.p50));
console.log(`client pipeline over 2 instances at 32 concurrent callers, median of ${ROUNDS} rounds`);
console.log(`  raw undici, 2 Pools in turn   ${rate(results.raw).toFixed(0)} calls/s  p50 ${p50(results.raw)} µs`);
console.log(
  `  vitamin client + balancer     ${rate(results.vitamin).toFixed(0)} calls/s  p50 ${p50(results.vitamin)} µs`,
);
console.log(
  `  ratio                         ${(rate(results.vitamin) / rate(results.raw)).toFixed(3)} (target ≥ 0.80)`,
);
console.log(`  added at p50 (saturated)      ${p50(results.vitamin) - p50(results.raw)} µs`);

// Saturated, a closed loop's p50 is 32 / throughput: it restates the throughput loss. What a call
// adds to its own latency shows below saturation: the same 32 callers at a fixed total rate, a
// third of raw undici's throughput, so no call waits behind the others.
const paced = { perSecond: Math.round(rate(results.raw) / 3), durationMs: 2000, warmupMs: 300 };
const calm: { raw: LoadResult[]; vitamin: LoadResult[] } = { raw: [], vitamin: [] };
for (let round = 0; round < 5; round++) {
  calm.raw.push(await runPaced(raw, paced));
  calm.vitamin.push(await runPaced(ours, paced));
}
console.log(`  at ${paced.perSecond} calls/s (32 callers, paced), median of 5 rounds:`);
console.log(`    p50 raw undici ${p50(calm.raw)} µs, vitamin ${p50(calm.vitamin)} µs`);
console.log(`    added at p50 ${p50(calm.vitamin) - p50(calm.raw)} µs (target < 50)`);

// The same pipeline without the network, one call at a time: a transport that answers in-process
// (the payload the servers send), called directly vs through client + balancer. This isolates the
// CPU the pipeline adds per call from the scheduling noise of a busy machine.
const ANSWER: TransportResponse = {
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify({ id: '42', name: 'Ada Lovelace', language: 'en', tags: ['math', 'engines'] }),
};
const instant: Transport = { request: async () => ANSWER, close: async () => undefined };
const offline = consumer('bench-offline', instant);
const offlineClient = offline.get(GreetingClient);
const direct: TransportRequest = {
  origin: servers[0]!.url,
  method: 'GET',
  path: '/greetings/42',
  headers: { accept: 'application/json' },
  body: undefined,
  timeoutMs: 1000,
};
const CALLS = 200_000;
const perCall = async (call: () => Promise<unknown>) => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) await call();
  return Number(process.hrtime.bigint() - start) / CALLS / 1000;
};
const bare: number[] = [];
const piped: number[] = [];
for (let round = 0; round < 5; round++) {
  bare.push(await perCall(async () => JSON.parse((await instant.request(direct)).body)));
  piped.push(await perCall(() => offlineClient.get({ path: { id: '42' } })));
}
console.log(`  pipeline CPU per call, no network (median of 5 × ${CALLS} sequential calls):`);
console.log(
  `    transport + JSON.parse ${median(bare).toFixed(2)} µs, client + balancer ${median(piped).toFixed(2)} µs`,
);
console.log(`    added ${(median(piped) - median(bare)).toFixed(2)} µs per call (target < 50)`);

await offline.close();
await app.close();
await Promise.all(pools.map((pool) => pool.close()));
for (const { child } of servers) child.kill();
