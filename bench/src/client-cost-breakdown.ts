// Question: where does a provider client lose throughput against raw undici? The same server at 32
// concurrent callers, called by raw undici, by UndiciTransport alone, by UndiciTransport with an
// AbortSignal on every request (as commands give it), and by the full client (command, balancer,
// attempts). Run: npm run build && node bench/dist/client-cost-breakdown.js
import { setMaxListeners } from 'node:events';
import { Pool } from 'undici';
import { CommandRegistry, createClient, InMemoryConfig, UndiciTransport } from '@vitamin/core';
import { GreetingClient } from './greeting-client.js';
import { median, runLoad } from './load.js';
import { startServerProcess } from './servers.js';

const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
const { url, child } = await startServerProcess('raw');
const pool = new Pool(url, { connections: 64 });
const transport = new UndiciTransport({ connections: 64 });
const commands = new CommandRegistry({ config: new InMemoryConfig({ 'vitamin.command.default.maxConcurrent': 64 }) });
const client = createClient(GreetingClient, { baseUrl: url, transport, commands });
const shared = new AbortController();
setMaxListeners(0, shared.signal);
const request = { origin: url, method: 'GET', path: '/greetings/42', headers: { accept: 'application/json' } } as const;

const variants: Record<string, () => Promise<unknown>> = {
  'raw undici': async () => (await pool.request({ ...request })).body.json(),
  transport: async () => JSON.parse((await transport.request({ ...request, body: undefined, timeoutMs: 1000 })).body),
  'transport + signal': async () =>
    JSON.parse((await transport.request({ ...request, body: undefined, timeoutMs: 1000, signal: shared.signal })).body),
  'full client': () => client.get({ path: { id: '42' } }),
};
const names = Object.keys(variants);
const rates: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
const cpu: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
// Each round starts with another variant, so none always runs first (or right after the same one).
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < names.length; i++) {
    const name = names[(round + i) % names.length]!;
    const before = process.cpuUsage();
    const result = await runLoad(variants[name]!, { durationMs: 2000 });
    const used = process.cpuUsage(before);
    rates[name]!.push(result.perSecond);
    // Client CPU per call (warm-up included on both sides of the ratio): what a busy machine disturbs least.
    cpu[name]!.push((used.user + used.system) / (result.perSecond * (result.seconds + 0.5)));
  }
}
const base = median(rates['raw undici']!);
console.log(`client cost breakdown at 32 concurrent callers, median of ${ROUNDS} rounds of 2 s`);
for (const name of names) {
  const rate = median(rates[name]!);
  console.log(
    `  ${name.padEnd(20)} ${rate.toFixed(0)} calls/s  ratio ${(rate / base).toFixed(3)}  client CPU ${median(cpu[name]!).toFixed(1)} µs/call`,
  );
}
await pool.close();
await transport.close();
commands.close();
child.kill();
