import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Monitor } from '@vitamin/monitoring';
import type { DemoArgs } from './demo-args.js';
import { startDemoMonitor } from './demo-monitor.js';
import { demoRegistry, properties, type DemoRegistry } from './demo-registry.js';
import { demoTokens, type DemoTokens } from './demo-tokens.js';
import { banner, DELIVERY_COMMAND } from './banner.js';
import { describeCounts, LoadGenerator } from './load-generator.js';
import { startServiceProcess, type ServiceProcess } from './service-process.js';

const DELIVERY_INSTANCES = 2;
const STATUS_INTERVAL_MS = 2000;
const CLUSTERS = ['delivery-service', 'order-service'];

/**
 * Properties every service of the demo gets unless the environment sets them. The actuators keep
 * their defaults: only health and info are open, everything else needs this run's actuator token,
 * which only the monitor and the status line hold. order-service ejects no delivery instance and
 * opens its circuit to delivery-service at 25 % errors (default 50 %): one failing instance out of
 * two then fails half the calls, and the circuit opens within seconds (with ejection on, the load
 * balancer would step around that instance instead).
 */
const DEMO_DEFAULTS = properties({
  'vitamin.services.delivery-service.maxEjectedPercent': '0',
  [`vitamin.command.${DELIVERY_COMMAND}.errorThresholdPercentage`]: '25',
});

/** The running demo: delivery-service instances, order-service, the monitor and the load generator. */
export class Demo {
  private readonly processes: ServiceProcess[] = [];
  private readonly tokens: DemoTokens = demoTokens(process.env);
  private monitor: Promise<Monitor> | undefined;
  private load: LoadGenerator | undefined;
  private statusTimer: ReturnType<typeof setInterval> | undefined;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly args: DemoArgs,
    private readonly dir: string,
    private readonly discovery: DemoRegistry,
    private readonly out: (line: string) => void,
    private readonly log: (line: string) => void,
  ) {}

  /** Creates the demo's temporary folder and registry; {@link start} starts the rest. */
  static async create(args: DemoArgs, out: (line: string) => void, log: (line: string) => void): Promise<Demo> {
    const dir = await mkdtemp(join(tmpdir(), 'vitamin-demo-'));
    return new Demo(args, dir, demoRegistry(args, join(dir, 'registry')), out, log);
  }

  async start(): Promise<void> {
    const env = { LOG_LEVEL: 'warn', ...DEMO_DEFAULTS, ...process.env, ...this.discovery.env, ...this.tokens.env };
    const deliveries = await Promise.all(
      Array.from({ length: DELIVERY_INSTANCES }, (_, i) =>
        this.launch('@vitamin-examples/delivery-service/main', `delivery-service-${i + 1}`, {
          ...env,
          ...properties({ 'vitamin.instance.id': `delivery-service-${i + 1}`, 'delivery.faults.enabled': 'true' }),
        }),
      ),
    );
    const order = await this.launch('@vitamin-examples/order-service/main', 'order-service-1', {
      ...env,
      ...properties({ 'vitamin.instance.id': 'order-service-1' }),
    });
    if (this.stopping !== undefined) return;
    this.monitor = startDemoMonitor({
      registry: this.discovery.registry,
      clusters: CLUSTERS,
      port: this.args.monitorPort,
      tokens: this.tokens,
      log: this.log,
    });
    const monitor = await this.monitor;
    if (this.stopping !== undefined) return;
    this.load = new LoadGenerator(order.url, this.args.rate);
    this.load.start();
    this.out(
      banner({
        registry: this.discovery.description,
        order,
        deliveries,
        rate: this.args.rate,
        monitor: { url: monitor.url, adminToken: this.tokens.admin },
      }),
    );
    this.statusTimer = setInterval(() => void this.printStatus(order.url), STATUS_INTERVAL_MS);
  }

  /**
   * Stops everything, once: the monitor (so it reports no instance going away), the load,
   * order-service, the delivery instances, the registry, the temporary folder.
   */
  stop(): Promise<void> {
    this.stopping ??= this.stopEverything();
    return this.stopping;
  }

  private async launch(entry: string, label: string, env: Record<string, string>) {
    if (this.stopping !== undefined) throw new Error(`stopped before ${label} started`);
    const service = startServiceProcess(entry, label, env, this.log);
    this.processes.push(service);
    return { ...(await service.ready), pid: service.pid };
  }

  private async printStatus(orderUrl: string): Promise<void> {
    const counts = this.load!.takeWindow();
    const time = new Date().toISOString().slice(11, 19);
    this.out(
      `[${time}] last 2 s: ${describeCounts(counts)} · circuit ${DELIVERY_COMMAND}: ${await circuitState(orderUrl, this.tokens.actuator)}`,
    );
  }

  private async stopEverything(): Promise<void> {
    clearInterval(this.statusTimer);
    // A monitor that failed to start is reported by start(); here it only must not be left running.
    await this.monitor?.then(
      (monitor) => monitor.close(),
      () => undefined,
    );
    await this.load?.stop();
    // Callers first, so no order is sent to a delivery instance that is already gone.
    const [callers, providers] = [
      this.processes.filter((p) => p.label.startsWith('order-service')),
      this.processes.filter((p) => !p.label.startsWith('order-service')),
    ];
    const unclean: string[] = [];
    for (const group of [callers, providers]) {
      const codes = await Promise.all(group.map((p) => p.stop()));
      codes.forEach((code, i) => code !== 0 && unclean.push(`${group[i]!.label} exited with ${code}`));
    }
    const left = (await Promise.all(CLUSTERS.map((s) => this.discovery.registry.instances(s)))).flat();
    await this.discovery.registry.close();
    await rm(this.dir, { recursive: true, force: true });
    if (this.load !== undefined) this.out(`orders in total: ${describeCounts(this.load.totals)}`);
    const problems = [...unclean, ...left.map((instance) => `the registry still holds ${instance.id}`)];
    this.out(
      problems.length === 0
        ? 'stopped: every process exited 0, no record left in the registry, temporary folder removed'
        : `stopped, but ${problems.join('; ')}`,
    );
  }
}

/** The state of order-service's circuit to delivery-service, as its actuator reports it. */
async function circuitState(orderUrl: string, token: string): Promise<string> {
  try {
    const res = await fetch(`${orderUrl}/actuator/circuitbreakers`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(1000),
    });
    const { circuitBreakers } = (await res.json()) as { circuitBreakers: { key: string; state: string }[] };
    return circuitBreakers.find((c) => c.key === DELIVERY_COMMAND)?.state ?? 'not called yet';
  } catch {
    return 'unknown';
  }
}
