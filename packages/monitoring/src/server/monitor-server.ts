import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sendJson, sendRefusal, type Logger } from '@vitamin/core/fleet';
import type { Aggregator } from '../aggregate/aggregator.js';
import type { Fleet } from '../fleet/fleet.js';
import type { ResolvedMonitorOptions } from '../monitor-options.js';
import { runAdminAction } from './admin-actions.js';
import { StaticFiles } from './static-files.js';
import { catalogView, clustersView, instancesView } from './views.js';

/**
 * The monitor's HTTP server: the dashboard, `/turbine.stream?cluster=`, the dashboard feed, the
 * JSON views and the admin actions. It never fetches a URL given in a request.
 */
export function createMonitorServer(
  fleet: Fleet,
  aggregator: Aggregator,
  options: ResolvedMonitorOptions,
  logger: Logger,
): Server {
  const files = new StaticFiles();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://monitor');
    const path = url.pathname;
    const cluster = url.searchParams.get('cluster') ?? undefined;
    if (req.method === 'POST' && path.startsWith('/api/instances/')) {
      const segments = path.slice('/api/instances/'.length).split('/').map(decodeSegment);
      await runAdminAction(req, res, segments, fleet, options.adminToken, logger);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendRefusal(res, 404, 'VITAMIN_E_NOT_FOUND', `no route ${req.method} ${path}`);
      return;
    }
    if (files.serve(path, res)) return;
    if (cluster !== undefined && !fleet.follows(cluster)) {
      sendRefusal(res, 404, 'VITAMIN_E_NOT_FOUND', `cluster '${cluster}' is not followed by this monitor`);
      return;
    }
    const now = Date.now();
    switch (path) {
      case '/turbine.stream':
        if (cluster === undefined) sendRefusal(res, 400, 'VITAMIN_E_VALIDATION', 'query parameter cluster is required');
        else if (isFull(res)) return;
        else aggregator.turbine(cluster).add(res);
        return;
      case '/api/dashboard.stream':
        if (isFull(res)) return;
        aggregator.dashboards.add(
          res,
          `data: ${JSON.stringify({ type: 'history', histories: aggregator.historySnapshot() })}\n\n`,
        );
        return;
      case '/api/clusters':
        return sendJson(res, 200, clustersView(fleet));
      case '/api/instances':
        return sendJson(res, 200, instancesView(fleet, cluster, now));
      case '/api/catalog':
        return sendJson(res, 200, catalogView(fleet, cluster, now));
      case '/api/health':
        return sendJson(res, 200, { status: 'UP' });
      default:
        sendRefusal(res, 404, 'VITAMIN_E_NOT_FOUND', `no route ${path}`);
    }
  };
  const isFull = (res: ServerResponse): boolean => {
    if (aggregator.clientCount < options.maxStreamClients) return false;
    sendRefusal(res, 503, 'VITAMIN_E_STREAM_LIMIT', `the monitor already serves ${options.maxStreamClients} streams`);
    return true;
  };
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, 'monitor request failed');
      if (!res.headersSent) sendRefusal(res, 500, 'VITAMIN_E_INTERNAL', 'internal error (see the monitor log)');
      else res.destroy();
    });
  });
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '\u0000';
  }
}
