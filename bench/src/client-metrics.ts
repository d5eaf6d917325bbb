// Question: what does the actuator's client histogram (every provider call of an app is observed)
// cost per call? The same provider client in two consumer apps, actuator off and on, against one
// raw server. Run: npm run build && node bench/dist/client-metrics.js
import { createApp, createLogger, UndiciTransport } from '@vitamin/core';
import { GreetingClient } from './greeting-client.js';
import { median, runLoad } from './load.js';
import { startServerProcess } from './servers.js';

const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
const { url, child } = await startServerProcess('raw');
const transports = [new UndiciTransport({ connections: 64 }), new UndiciTransport({ connections: 64 })];
const consumer = (enabled: boolean) =>
  createApp({
    name: `consumer-${enabled ? 'on' : 'off'}`,
    providers: [GreetingClient],
    transport: transports[enabled ? 1 : 0]!,
    logger: createLogger({ level: 'silent' }),
    config: {
      vitamin: { actuator: { enabled }, services: { 'greeting-service': { url } } },
      // 32 callers share one command: its bulkhead (10 by default) must admit them all.
      'vitamin.command.default.maxConcurrent': 64,
    },
  });
const apps = [consumer(false), consumer(true)];
const clients = apps.map((app) => app.get(GreetingClient));

const rates: number[][] = [[], []];
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, client] of clients.entries()) {
    rates[i]!.push((await runLoad(() => client.get({ path: { id: '42' } }))).perSecond);
  }
}
const [off, on] = rates.map(median) as [number, number];
console.log(`client throughput at 32 concurrent callers, median of ${ROUNDS} rounds`);
console.log(`  provider client, actuator off  ${off.toFixed(0)} calls/s`);
console.log(`  provider client, actuator on   ${on.toFixed(0)} calls/s`);
console.log(`  ratio on / off                 ${(on / off).toFixed(3)} (target ≥ 0.90)`);

await Promise.all(apps.map((app) => app.close()));
await Promise.all(transports.map((transport) => transport.close()));
child.kill();
