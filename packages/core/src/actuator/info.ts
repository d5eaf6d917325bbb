import type { ServerResponse } from 'node:http';
import { maskUrlCredentials } from '../config/secrets.js';
import { sendJson } from './reply.js';

/** What `/actuator/info` shows about an instance. */
export interface InstanceInfo {
  readonly name: string;
  readonly version: string | undefined;
  readonly instanceId: string;
  /** The commit the instance was built from, when known. */
  readonly gitCommit: string | undefined;
  /** When the instance started, in ms since the epoch. */
  readonly startedAt: number;
}

/** `GET /actuator/info`: name, version, instance id, git commit and uptime. */
export function serveInfo(res: ServerResponse, info: InstanceInfo, now: number): void {
  sendJson(res, 200, {
    name: info.name,
    version: info.version ?? null,
    instanceId: info.instanceId,
    git: info.gitCommit === undefined ? null : { commit: maskUrlCredentials(info.gitCommit) },
    startedAt: new Date(info.startedAt).toISOString(),
    uptimeSeconds: Math.max(0, Math.floor((now - info.startedAt) / 1000)),
    node: process.version,
  });
}
