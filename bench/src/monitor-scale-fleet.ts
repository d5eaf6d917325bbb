// Simulated instances for monitor-scale: lightweight HTTP servers in one process, each streaming real
// events as /actuator/hystrix.stream sends them (core's own formatters, with encoded latency histograms).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEFAULT_COMMAND_OPTIONS,
  hystrixCommandEvent,
  hystrixThreadPoolEvent,
  LatencyHistogram,
  type CommandView,
  type GroupView,
  type LatencyView,
} from '@vitamin/core';

/** The shape of the fleet, decided by monitor-scale.ts. */
export interface FleetShape {
  readonly instances: number;
  readonly commands: number;
  readonly intervalMs: number;
}

const {
  instances: INSTANCES,
  commands: COMMANDS,
  intervalMs: INTERVAL_MS,
} = JSON.parse(process.argv[2]!) as FleetShape;
const GROUPS = 10;
/** Histogram variants per command, rotated, so encoding does not dominate this process. */
const VARIANTS = 4;
/** Requests in each command's rolling window. */
const REQUESTS = 2000;

/** A seeded, skewed latency sample in ms: mostly 2–40 ms with a slow tail, as real calls spread. */
function latencies(seed: number): number[] {
  let state = seed * 2654435761;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: REQUESTS }, () => 2 + 38 * random() * random() + (random() < 0.01 ? 300 * random() : 0));
}

/** What a command's latency looks like to the formatter: a precomputed view of one histogram. */
function latencyView(histogram: LatencyHistogram): LatencyView {
  const percentiles = new Map<number, number>();
  return {
    count: histogram.count,
    mean: histogram.mean,
    percentile: (p) => percentiles.get(p) ?? percentiles.set(p, histogram.percentile(p)).get(p)!,
    encoded: histogram.encode(),
  };
}

const views = Array.from({ length: COMMANDS }, (_, c) =>
  Array.from({ length: VARIANTS }, (_, v) => {
    const histogram = new LatencyHistogram();
    for (const ms of latencies(c * VARIANTS + v + 1)) histogram.record(ms);
    return latencyView(histogram);
  }),
);

/** One tick of an instance's /actuator/hystrix.stream, written by core's own formatters. */
function batch(instance: number, tick: number): string {
  const now = Date.now();
  let text = '';
  for (let c = 0; c < COMMANDS; c++) {
    const failure = (c + instance + tick) % 10 === 0 ? 3 : 0;
    const command: CommandView = {
      key: `Service${c % GROUPS}#operation${c}`,
      group: `Service${c % GROUPS}`,
      circuit: c === 7 && instance % 10 === 0 ? 'open' : 'closed',
      counts: {
        success: REQUESTS - failure,
        failure,
        timeout: 0,
        shortCircuited: 0,
        bulkheadRejected: 0,
        poolRejected: 0,
        fallbackSuccess: failure,
        fallbackFailure: 0,
        badRequest: 0,
      },
      concurrency: c % 3,
      latency: views[c]![(tick + instance) % VARIANTS]!,
      settings: DEFAULT_COMMAND_OPTIONS,
    };
    text += `data: ${JSON.stringify(hystrixCommandEvent(command, now))}\n\n`;
  }
  for (let g = 0; g < GROUPS; g++) {
    const group: GroupView = {
      group: `Service${g}`,
      active: g % 3,
      queued: 0,
      maxConcurrent: 10,
      maxQueue: 100,
      executed: REQUESTS * (COMMANDS / GROUPS),
      rejected: 0,
      rollingWindowMs: 10_000,
    };
    text += `data: ${JSON.stringify(hystrixThreadPoolEvent(group, now))}\n\n`;
  }
  return text;
}

const ports: number[] = [];
for (let i = 0; i < INSTANCES; i++) {
  const clients = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (req.url !== '/actuator/hystrix.stream') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    clients.add(res);
    res.once('close', () => clients.delete(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ports.push((server.address() as AddressInfo).port);
  let tick = 0;
  // Instances start at different moments, as a real fleet does.
  setTimeout(
    () => {
      setInterval(() => {
        tick++;
        if (clients.size === 0) return;
        const text = batch(i, tick);
        for (const res of clients) res.write(text);
      }, INTERVAL_MS);
    },
    (i * INTERVAL_MS) / INSTANCES,
  );
}
process.send!({ ports });
