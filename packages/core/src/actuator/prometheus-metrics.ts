import { collectDefaultMetrics, Gauge, Registry, type Metric } from 'prom-client';
import { HttpHistogram } from './http-histogram.js';
import type { CommandMetricsSource, CommandView } from './metrics-source.js';

/** Latency buckets of the HTTP histograms, in seconds (5 ms to 10 s). */
export const HTTP_BUCKETS_SECONDS = Object.freeze([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);

const CIRCUIT_STATES = ['closed', 'open', 'half-open', 'forced-open', 'forced-closed'] as const;
const COMMAND_EVENTS = [
  'success',
  'failure',
  'timeout',
  'shortCircuited',
  'bulkheadRejected',
  'poolRejected',
  'fallbackSuccess',
  'fallbackFailure',
  'badRequest',
] as const;

let processRegistry: Registry | undefined;

/** Process metrics (CPU, memory, event loop, GC) are one per process, shared by every app in it. */
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
    // Gauges named like counters: `promtool check metrics` rejects them.
    for (const name of [
      'nodejs_active_handles_total',
      'nodejs_active_requests_total',
      'nodejs_active_resources_total',
    ]) {
      processRegistry.removeSingleMetric(name);
    }
  }
  return processRegistry;
}

/**
 * The Prometheus metrics of one app: HTTP server and client histograms it records itself, and
 * command, circuit and bulkhead metrics read from a {@link CommandMetricsSource} at scrape time.
 */
export class PrometheusMetrics {
  readonly registry = new Registry();
  /** `http_server_request_duration_seconds{method,route,status}`. */
  readonly serverRequests = new HttpHistogram(
    'http_server_request_duration_seconds',
    'Duration of HTTP requests served, by method, route template and status.',
    HTTP_BUCKETS_SECONDS,
  );
  /** `http_client_request_duration_seconds{method,server,status}`; status `error` when no answer came. */
  readonly clientRequests = new HttpHistogram(
    'http_client_request_duration_seconds',
    'Duration of HTTP calls to providers, by method, server and status.',
    HTTP_BUCKETS_SECONDS,
  );

  constructor(source: CommandMetricsSource) {
    const registers = [this.registry];
    this.registry.registerMetric(this.serverRequests.metric());
    this.registry.registerMetric(this.clientRequests.metric());
    commandMetrics(source, registers);
  }

  /** The text exposition format of every metric, process metrics included. */
  async text(): Promise<string> {
    return Registry.merge([this.registry, processMetrics()]).metrics();
  }

  /** The content type of {@link text}. */
  get contentType(): string {
    return this.registry.contentType;
  }
}

/** Gauges and counters that read the command source each scrape (commands come and go). */
function commandMetrics(source: CommandMetricsSource, registers: Registry[]): void {
  const labelNames = ['command', 'group'] as const;
  const each = (read: (command: CommandView) => void) => {
    for (const command of source.commands()) read(command);
  };
  new Gauge({
    name: 'vitamin_command_events',
    help: 'Command outcomes over the rolling window, by event.',
    labelNames: [...labelNames, 'event'],
    registers,
    collect() {
      this.reset();
      each((c) => {
        for (const event of COMMAND_EVENTS) this.set({ command: c.key, group: c.group, event }, c.counts[event]);
      });
    },
  });
  registers[0]!.registerMetric(latencySummary(source));
  new Gauge({
    name: 'vitamin_circuit_breaker_state',
    help: 'State of each command circuit: 1 for the current state, 0 for the others.',
    labelNames: [...labelNames, 'state'],
    registers,
    collect() {
      this.reset();
      each((c) => {
        for (const state of CIRCUIT_STATES)
          this.set({ command: c.key, group: c.group, state }, c.circuit === state ? 1 : 0);
      });
    },
  });
  new Gauge({
    name: 'vitamin_bulkhead_active',
    help: 'Executions holding a bulkhead permit now.',
    labelNames,
    registers,
    collect() {
      this.reset();
      each((c) => this.set({ command: c.key, group: c.group }, c.concurrency));
    },
  });
  new Gauge({
    name: 'vitamin_bulkhead_max',
    help: 'Bulkhead size: most executions of a command at once.',
    labelNames,
    registers,
    collect() {
      this.reset();
      each((c) => this.set({ command: c.key, group: c.group }, c.settings.maxConcurrent));
    },
  });
  new Gauge({
    name: 'vitamin_pool_active',
    help: 'Executions running in a group concurrency pool now.',
    labelNames: ['group'],
    registers,
    collect() {
      this.reset();
      for (const g of source.groups()) this.set({ group: g.group }, g.active);
    },
  });
  new Gauge({
    name: 'vitamin_pool_queued',
    help: 'Executions waiting in a group concurrency pool now.',
    labelNames: ['group'],
    registers,
    collect() {
      this.reset();
      for (const g of source.groups()) this.set({ group: g.group }, g.queued);
    },
  });
}

const QUANTILES = [0.5, 0.9, 0.99, 0.995, 1];

/**
 * `vitamin_command_latency_seconds`, a summary (quantiles, `_sum`, `_count`) of each command's
 * latency since start, read from its histogram at scrape time.
 */
function latencySummary(source: CommandMetricsSource): Metric {
  const name = 'vitamin_command_latency_seconds';
  const help = 'Command latency since start.';
  const get = async () => ({
    name,
    help,
    type: 'summary',
    aggregator: 'sum',
    values: source.commands().flatMap((c) => {
      const labels = { command: c.key, group: c.group };
      return [
        ...QUANTILES.map((q) => ({ labels: { ...labels, quantile: q }, value: c.latency.percentile(q * 100) / 1000 })),
        { metricName: `${name}_sum`, labels, value: (c.latency.mean * c.latency.count) / 1000 },
        { metricName: `${name}_count`, labels, value: c.latency.count },
      ];
    }),
  });
  return { name, help, type: 'summary', aggregator: 'sum', get } as unknown as Metric;
}
