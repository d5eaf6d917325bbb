import { clusterCatalog } from '../catalog/api-catalog.js';
import { Fleet } from '../fleet/fleet.js';
import type { MonitoredInstance } from '../fleet/monitored-instance.js';

/** `GET /api/clusters`: each cluster with its instance counts and command count. */
export function clustersView(fleet: Fleet) {
  return {
    clusters: fleet.clusterNames().map((name) => {
      const instances = fleet.instances(name);
      const commands = new Set(instances.flatMap((m) => [...m.samples.commands.keys()]));
      return {
        name,
        instances: instances.length,
        streaming: Fleet.streaming(instances),
        commands: commands.size,
        openCircuits: instances.reduce(
          (open, m) => open + [...m.samples.commands.values()].filter((s) => s.isCircuitBreakerOpen).length,
          0,
        ),
      };
    }),
  };
}

/**
 * `GET /api/instances`: every instance with its registry record, stream state and the details its
 * actuator last gave; asks for fresh details in the background.
 */
export function instancesView(fleet: Fleet, cluster: string | undefined, now: number) {
  return { instances: fleet.instances(cluster).map((m) => instanceView(m, now)) };
}

function instanceView(monitored: MonitoredInstance, now: number) {
  void monitored.refreshDetails(now).catch(() => undefined);
  const { instance, stream, details } = monitored;
  const info = details?.info as { uptimeSeconds?: unknown } | undefined;
  const uptime =
    typeof info?.uptimeSeconds === 'number' ? info.uptimeSeconds + Math.floor((now - details!.readAt) / 1000) : null;
  return {
    cluster: instance.service,
    id: instance.id,
    host: instance.host,
    port: instance.port,
    status: instance.status,
    version: monitored.version,
    zone: instance.metadata.zone ?? null,
    uptimeSeconds: uptime,
    stream: stream.state,
    streamReason: stream.reason ?? null,
    lastEventAt: stream.lastEventAt ?? null,
    health: details?.health ?? null,
    loggers: details?.loggers ?? null,
    detailErrors: details?.errors ?? [],
    commands: [...monitored.samples.commands.values()]
      .map((sample) => ({ name: sample.name, isCircuitBreakerOpen: sample.isCircuitBreakerOpen }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/**
 * `GET /api/catalog`: per cluster, the operations of its instances' `/openapi.json` with which
 * instance serves each, in which version; asks for stale descriptions again in the background.
 */
export function catalogView(fleet: Fleet, cluster: string | undefined, now: number) {
  const names = cluster === undefined ? fleet.clusterNames() : [cluster];
  return {
    clusters: names.map((name) => {
      const instances = fleet.instances(name);
      for (const m of instances) void m.refreshApi(now).catch(() => undefined);
      const described = instances.map((m) => ({
        id: m.instance.id,
        version: m.api?.version ?? m.version,
        operations: m.api?.operations ?? [],
        error: m.api?.error ?? (m.api === undefined ? 'not read yet' : null),
      }));
      return {
        name,
        instances: described.map(({ id, version, error }) => ({ id, version, error })),
        operations: clusterCatalog(described),
      };
    }),
  };
}
