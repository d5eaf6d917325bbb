import { Fleet } from '../fleet/fleet.js';
import type { ResolvedMonitorOptions } from '../monitor-options.js';
import { SseClients, type SseMessage } from '../server/sse-clients.js';
import { commandRate, commandTile, poolTile, sortTiles, type CommandTile, type PoolTile } from './dashboard-view.js';
import { mergeCommands, mergePools, type MergedCommand, type MergedPool } from './merge.js';
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

  /**
   * Merges and sends one batch. Each cluster is written to the clients as soon as it is merged, so
   * only one cluster's objects and text are alive at a time: a tick spans several young-generation
   * collections, and whatever outlives two of them is copied to the old generation.
   */
  tick(now: number): void {
    const dashboard = this.dashboards.size > 0 ? this.dashboards.message() : undefined;
    let clustersWritten = 0;
    dashboard?.write(`data: {"type":"tick","time":${now},"clusters":[`);
    for (const cluster of this.fleet.clusterNames()) {
      const monitored = this.fleet.instances(cluster);
      const samples = monitored.map((m) => m.samples);
      const history = this.historyOf(cluster);
      const turbine = this.turbines.get(cluster);
      const wantsHistogram = turbine !== undefined && turbine.size > 0;
      const wantsLatency = dashboard !== undefined || wantsHistogram;
      const historyPoint = history.isDue(now);
      if (!wantsLatency && !historyPoint) continue;
      const detail = wantsHistogram ? 'histogram' : wantsLatency ? 'latency' : 'counts';
      const commands = mergeCommands(samples, now, this.options.staleAfterMs, detail);
      if (historyPoint) history.add(now, new Map(commands.map((c) => [c.name, commandRate(c)])));
      if (!wantsLatency) continue;
      const pools = mergePools(samples, now, this.options.staleAfterMs);
      if (wantsHistogram) writeTurbineEvents(turbine.message(), commands, pools, now);
      if (dashboard !== undefined) {
        const view: ClusterTiles = {
          name: cluster,
          instances: monitored.length,
          streaming: Fleet.streaming(monitored),
          historyPoint,
          commands: sortTiles(commands.map(commandTile)),
          pools: pools.map(poolTile).sort((a, b) => (a.name < b.name ? -1 : 1)),
        };
        dashboard.write(`${clustersWritten++ === 0 ? '' : ','}${JSON.stringify(view)}`);
      }
    }
    dashboard?.write(']}\n\n');
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

/** Writes a cluster's Turbine batch: one SSE event per command and group (a comment when there are none). */
function writeTurbineEvents(
  message: SseMessage,
  commands: readonly MergedCommand[],
  pools: readonly MergedPool[],
  now: number,
): void {
  if (!message.hasReceivers) return;
  for (const command of commands) message.write(`data: ${JSON.stringify(turbineCommandEvent(command, now))}\n\n`);
  for (const pool of pools) message.write(`data: ${JSON.stringify(turbinePoolEvent(pool, now))}\n\n`);
  if (commands.length === 0 && pools.length === 0) message.write(': ping\n\n');
}
