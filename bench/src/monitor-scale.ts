// Question: can one monitoring process follow 100 instances × 50 commands streaming every 500 ms within
// 25 % of one core and 200 MB, with an event reaching the dashboard feed in under 1 s?
import { fork, type ChildProcess } from 'node:child_process';
import { request } from 'undici';
import { processUsage } from './cpu-queries.js';
import { quantile } from './load.js';
import type { FleetShape } from './monitor-scale-fleet.js';

const FLEET: FleetShape = { instances: 100, commands: 50, intervalMs: 500 };
const CLUSTERS = 10;
const WARMUP_MS = 5_000;
const MEASURE_MS = Number(process.env['MEASURE_MS'] ?? 20_000);

function start(file: string, args: string[]): ChildProcess {
  return fork(new URL(file, import.meta.url), args, { stdio: 'inherit' });
}

/** The next message `child` sends. */
function next<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve) => child.once('message', (message) => resolve(message as T)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Measured {
  cpuPercent: number;
  /** RSS in MB read once a second from the start: the peak includes the start, the median is the steady state. */
  peakRssMb: number;
  medianRssMb: number;
  rssSeries: number[];
}

/** CPU as % of one core over the measuring window (after the warm-up), and RSS once a second from the start. */
async function measure(child: ChildProcess, onMeasuring?: () => void): Promise<Measured> {
  const rssSeries: number[] = [];
  const started = Date.now();
  let before: { cpuMicros: number; at: number } | undefined;
  while (Date.now() - started < WARMUP_MS + MEASURE_MS) {
    await sleep(1000);
    const usage = await processUsage(child);
    rssSeries.push(usage.rss / 1024 / 1024);
    if (before === undefined && Date.now() - started >= WARMUP_MS) {
      before = { cpuMicros: usage.cpuMicros, at: Date.now() };
      onMeasuring?.();
    }
  }
  const after = await processUsage(child);
  return {
    cpuPercent: ((after.cpuMicros - before!.cpuMicros) / 1000 / (Date.now() - before!.at)) * 100,
    peakRssMb: Math.max(...rssSeries),
    medianRssMb: quantile(rssSeries, 0.5),
    rssSeries,
  };
}

/** Reads the dashboard feed: for each tick, how old the freshest event of each cluster is. */
function followFeed(url: string, lags: number[], abort: AbortSignal): void {
  void (async () => {
    const response = await request(`${url}/api/dashboard.stream`, { signal: abort });
    let rest = '';
    try {
      for await (const chunk of response.body) {
        const lines = (rest + (chunk as Buffer).toString('utf8')).split('\n');
        rest = lines.pop()!;
        const now = Date.now();
        for (const line of lines) {
          if (!line.startsWith('data: ')) continue;
          const message = JSON.parse(line.slice(6)) as {
            type: string;
            clusters?: { commands: { newestEventTime: number }[] }[];
          };
          for (const cluster of message.clusters ?? []) {
            const newest = Math.max(...cluster.commands.map((c) => c.newestEventTime));
            if (newest > 0) lags.push(now - newest);
          }
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
}

/** Keeps a Turbine client on one cluster, as a Hystrix dashboard would. */
function followTurbine(url: string, abort: AbortSignal): void {
  void request(`${url}/turbine.stream?cluster=cluster-0`, { signal: abort })
    .then(async (response) => {
      for await (const _ of response.body);
    })
    .catch(() => undefined);
}

const fleet = start('./monitor-scale-fleet.js', [JSON.stringify(FLEET)]);
const { ports } = await next<{ ports: number[] }>(fleet);
const args = JSON.stringify({ ports, clusters: CLUSTERS });
try {
  const baseline = start('./monitor-scale-consumer.js', ['raw', args]);
  await next(baseline);
  const floor = await measure(baseline);
  baseline.kill();
  await sleep(500);

  const monitor = start('./monitor-scale-consumer.js', ['monitor', args]);
  const { url } = await next<{ url: string }>(monitor);
  const abort = new AbortController();
  const lags: number[] = [];
  followTurbine(url, abort.signal);
  followFeed(url, lags, abort.signal);
  const ours = await measure(monitor, () => lags.splice(0));
  abort.abort();
  monitor.kill();

  console.log(
    `${FLEET.instances} instances × ${FLEET.commands} commands every ${FLEET.intervalMs} ms, ${CLUSTERS} clusters, ${MEASURE_MS / 1000} s measured`,
  );
  console.log('| process | CPU (% of one core) | RSS median (MB) | RSS peak (MB) |');
  console.log('|---|---|---|---|');
  const row = (name: string, m: Measured) =>
    `| ${name} | ${m.cpuPercent.toFixed(1)} | ${m.medianRssMb.toFixed(0)} | ${m.peakRssMb.toFixed(0)} |`;
  console.log(row('raw reader (parse every event, nothing else)', floor));
  console.log(row('monitor (merge, feed, turbine client)', ours));
  console.log(`monitor RSS each second from its start (MB): ${ours.rssSeries.map((mb) => mb.toFixed(0)).join(' ')}`);
  console.log(`ratio monitor / raw CPU: ${(ours.cpuPercent / floor.cpuPercent).toFixed(2)}`);
  console.log(
    `event → dashboard feed, per cluster and tick (${lags.length} samples): p50 ${quantile(lags, 0.5)} ms, p99 ${quantile(lags, 0.99)} ms, max ${Math.max(...lags)} ms`,
  );
} finally {
  fleet.kill();
}
