import type { Fleet } from '../fleet/fleet.js';
import type { ResolvedMonitorOptions } from '../monitor-options.js';
import { SseClients } from '../server/sse-clients.js';
import { commandRate, commandTile, poolTile, sortTiles, type CommandTile, type PoolTile } from './dashboard-view.js';
import { mergeCommands, mergePools } from './merge.js';
import { RateHistory } from './rate-history.js';
import { turbineCommandEvent, turbinePoolEvent } from './turbine-format.js';

/** One cluster as the dashboard feed sends it on each tick. */
export interface ClusterTiles {
  readonly name: string;
  readonly instances: number;
  readonly streaming: number;
  /** True when a new point was added to the rate history on this tick. */
  readonly historyPoint: boolean;
  readonly commands: readonly CommandTile[];
  readonly pools: readonly PoolTile[];
}

/**
 * Merges each cluster's samples every `intervalMs` and sends the result to whoever listens: the
 * Turbine streams of that cluster and the dashboards. With nobody listening it merges counts only,
 * when a rate-history point is due.
 */
export class Aggregator {
  readonly dashboards = new SseClients();
  private readonly turbines = new Map<string, SseClients>();
  private readonly histories = new Map<string, RateHistory>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly fleet: Fleet,
    private readonly options: ResolvedMonitorOptions,
  ) {
    this.timer = setInterval(() => this.tick(Date.now()), options.intervalMs);
    this.timer.unref();
  }

  /** Clients of every stream the monitor serves. */
  get clientCount(): number {
    let count = this.dashboards.size;
    for (const clients of this.turbines.values()) count += clients.size;
    return count;
  }

  /** The Turbine stream clients of `cluster`. */
  turbine(cluster: string): SseClients {
    let clients = this.turbines.get(cluster);
    if (clients === undefined) this.turbines.set(cluster, (clients = new SseClients()));
    return clients;
  }

  /** The rate history of every command of every cluster (what a dashboard draws on connect). */
  historySnapshot(): Record<string, Record<string, readonly number[]>> {
    const all: Record<string, Record<string, readonly number[]>> = {};
    for (const [cluster, history] of this.histories) all[cluster] = history.all();
    return all;
  }

  /** Merges and sends one batch. */
  tick(now: number): void {
    const clusters: ClusterTiles[] = [];
    const wantsTiles = this.dashboards.size > 0;
    for (const cluster of this.fleet.clusterNames()) {
      const monitored = this.fleet.instances(cluster);
      const samples = monitored.map((m) => m.samples);
      const history = this.historyOf(cluster);
      const turbine = this.turbines.get(cluster);
      const wantsLatency = wantsTiles || (turbine?.size ?? 0) > 0;
      const historyPoint = history.isDue(now);
      if (!wantsLatency && !historyPoint) continue;
      const commands = mergeCommands(samples, now, this.options.staleAfterMs, wantsLatency);
      if (historyPoint) history.add(now, new Map(commands.map((c) => [c.name, commandRate(c)])));
      if (!wantsLatency) continue;
      const pools = mergePools(samples, now, this.options.staleAfterMs);
      if (turbine !== undefined && turbine.size > 0) {
        let text = '';
        for (const command of commands) text += `data: ${JSON.stringify(turbineCommandEvent(command, now))}\n\n`;
        for (const pool of pools) text += `data: ${JSON.stringify(turbinePoolEvent(pool, now))}\n\n`;
        turbine.send(text === '' ? ': ping\n\n' : text);
      }
      if (wantsTiles) {
        clusters.push({
          name: cluster,
          instances: monitored.length,
          streaming: monitored.filter((m) => m.stream.state === 'streaming').length,
          historyPoint,
          commands: sortTiles(commands.map(commandTile)),
          pools: pools.map(poolTile).sort((a, b) => (a.name < b.name ? -1 : 1)),
        });
      }
    }
    if (wantsTiles) this.dashboards.send(`data: ${JSON.stringify({ type: 'tick', time: now, clusters })}\n\n`);
  }

  close(): void {
    clearInterval(this.timer);
    this.dashboards.close();
    for (const clients of this.turbines.values()) clients.close();
  }

  private historyOf(cluster: string): RateHistory {
    let history = this.histories.get(cluster);
    if (history === undefined) {
      history = new RateHistory(this.options.historyPoints, this.options.historyIntervalMs);
      this.histories.set(cluster, history);
    }
    return history;
  }
}
