// Question: what does tracing cost per request — context, propagation and log correlation with no
// OpenTelemetry SDK, and with the SDK and a span-dropping exporter — against the same server with
// tracing off? Target: under 5 % throughput loss with no SDK.
// Run: npm run build && node bench/dist/tracing-overhead.js
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { Pool } from 'undici';
import { median, runLoad } from './load.js';
import { serverCpuMicros } from './servers.js';

async function start(mode: string): Promise<{ pool: Pool; child: ChildProcess }> {
  const child = fork(new URL('./traced-server.js', import.meta.url), [mode], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { pool: new Pool(`http://127.0.0.1:${port}`, { connections: 64 }), child };
}

const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
const modes = ['untraced', 'traced', 'otel'] as const;
const servers = Object.fromEntries(await Promise.all(modes.map(async (m) => [m, await start(m)] as const)));
const headers = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
const rates: Record<string, number[]> = { untraced: [], traced: [], otel: [] };
const cpu: Record<string, number[]> = { untraced: [], traced: [], otel: [] };

// Each round starts with another mode, so none always runs first.
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < modes.length; i++) {
    const mode = modes[(round + i) % modes.length]!;
    const { pool, child } = servers[mode]!;
    const before = await serverCpuMicros(child);
    const result = await runLoad(async () => {
      const res = await pool.request({ method: 'GET', path: '/greetings/42', headers });
      return res.body.json();
    });
    // Server CPU per request (warm-up included alike): what a busy machine disturbs least.
    cpu[mode]!.push(((await serverCpuMicros(child)) - before) / (result.perSecond * (result.seconds + 0.5)));
    rates[mode]!.push(result.perSecond);
  }
}
const base = median(rates['untraced']!);
const baseCpu = median(cpu['untraced']!);
console.log(`tracing overhead at 32 concurrent callers, median of ${ROUNDS} rounds (one log line per request)`);
for (const mode of modes) {
  const rate = median(rates[mode]!);
  const perRequest = median(cpu[mode]!);
  console.log(
    `  ${mode.padEnd(10)} ${rate.toFixed(0)} req/s  ratio ${(rate / base).toFixed(3)}  server CPU ${perRequest.toFixed(1)} µs/req (${((baseCpu / perRequest) * 100).toFixed(0)} % of untraced's rate)`,
  );
}
console.log('  target: traced (no SDK) loses under 5 % (ratio ≥ 0.95)');
for (const { pool, child } of Object.values(servers)) {
  await pool.close();
  child.kill();
}
