// Simulated instances for monitor-scale: lightweight HTTP servers in one process, each streaming real
// Hystrix-format events with encoded latency histograms, as /actuator/hystrix.stream does.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LatencyHistogram } from '@vitamin/core';

const INSTANCES = Number(process.env['INSTANCES'] ?? 100);
const COMMANDS = Number(process.env['COMMANDS'] ?? 50);
const INTERVAL_MS = 500;
/** Histogram variants per command, rotated, so encoding does not dominate this process. */
const VARIANTS = 4;

function histograms(seed: number): string[] {
  return Array.from({ length: VARIANTS }, (_, v) => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 400; i++) h.record(((i * 7919 + seed * 31 + v * 13) % 200) / 4 + (i % 50 === 0 ? 150 : 0));
    return h.encode();
  });
}

const encoded = Array.from({ length: COMMANDS }, (_, c) => histograms(c));

function batch(instance: number, tick: number): string {
  const now = Date.now();
  let text = '';
  for (let c = 0; c < COMMANDS; c++) {
    const failures = (c + instance + tick) % 10 === 0 ? 3 : 0;
    const event = {
      type: 'HystrixCommand',
      name: `Service${c % 10}#operation${c}`,
      group: `Service${c % 10}`,
      currentTime: now,
      isCircuitBreakerOpen: c === 7 && instance % 10 === 0,
      errorPercentage: failures === 0 ? 0 : 1,
      errorCount: failures,
      requestCount: 400,
      rollingCountBadRequests: 0,
      rollingCountFailure: failures,
      rollingCountFallbackSuccess: 0,
      rollingCountFallbackFailure: 0,
      rollingCountSemaphoreRejected: 0,
      rollingCountShortCircuited: 0,
      rollingCountSuccess: 400 - failures,
      rollingCountThreadPoolRejected: 0,
      rollingCountTimeout: 0,
      currentConcurrentExecutionCount: c % 3,
      rollingMaxConcurrentExecutionCount: c % 3,
      latencyExecute_mean: 25,
      latencyExecute: { '0': 0, '25': 12, '50': 25, '75': 37, '90': 45, '95': 47, '99': 150, '99.5': 150, '100': 200 },
      latencyTotal_mean: 25,
      latencyTotal: { '0': 0, '25': 12, '50': 25, '75': 37, '90': 45, '95': 47, '99': 150, '99.5': 150, '100': 200 },
      propertyValue_circuitBreakerRequestVolumeThreshold: 20,
      propertyValue_circuitBreakerSleepWindowInMilliseconds: 5000,
      propertyValue_circuitBreakerErrorThresholdPercentage: 50,
      propertyValue_executionIsolationStrategy: 'SEMAPHORE',
      propertyValue_executionTimeoutInMilliseconds: 1000,
      propertyValue_metricsRollingStatisticalWindowInMilliseconds: 10_000,
      reportingHosts: 1,
      threadPool: `Service${c % 10}`,
      vitaminLatencyHistogram: encoded[c]![(tick + instance) % VARIANTS],
    };
    text += `data: ${JSON.stringify(event)}\n\n`;
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
