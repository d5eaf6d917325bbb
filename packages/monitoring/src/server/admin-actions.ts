import type { IncomingMessage, ServerResponse } from 'node:http';
import { admit, isVitaminError, readJsonBody, sendJson, sendRefusal, type Logger } from '@vitamin/core/fleet';
import type { Fleet } from '../fleet/fleet.js';

/** Most bytes of an admin action's body (a log level or a circuit state). */
const MAX_BODY_BYTES = 16 * 1024;

/** The actions the admin view offers: the instance actuator endpoint each one calls. */
const ACTIONS = { loggers: 'loggers', circuitbreakers: 'circuitbreakers' } as const;

/**
 * `POST /api/instances/:cluster/:id/(loggers|circuitbreakers)/:name`: calls the named instance's
 * actuator with the configured token and returns its answer. Requires the monitor's admin token;
 * the target is always an instance the registry names, never a URL from the request.
 */
export async function runAdminAction(
  req: IncomingMessage,
  res: ServerResponse,
  segments: readonly string[],
  fleet: Fleet,
  adminToken: string | undefined,
  logger: Logger,
): Promise<void> {
  if (!isAdmin(req, res, adminToken)) return;
  const [cluster, id, kind, name] = segments;
  const monitored = cluster !== undefined && id !== undefined ? fleet.find(cluster, id) : undefined;
  if (monitored === undefined) {
    sendRefusal(res, 404, 'VITAMIN_E_NOT_FOUND', `no instance '${id}' in cluster '${cluster}'`);
    return;
  }
  if (kind !== ACTIONS.loggers && kind !== ACTIONS.circuitbreakers) {
    sendRefusal(res, 404, 'VITAMIN_E_NOT_FOUND', `no action '${kind}': use loggers or circuitbreakers`);
    return;
  }
  let body: unknown;
  try {
    body = await readJsonBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (!isVitaminError(error)) throw error;
    sendRefusal(res, error.status, error.code, error.message);
    return;
  }
  try {
    const answer = await monitored.callActuator('POST', `${kind}/${encodeURIComponent(name ?? '')}`, body);
    logger.warn(
      { cluster, instance: id, action: kind, name, body, status: answer.status },
      'admin action through the monitor',
    );
    sendJson(res, answer.status >= 200 && answer.status < 300 ? 200 : 502, {
      status: answer.status,
      answer: answer.body,
    });
  } catch (error) {
    sendRefusal(res, 502, 'VITAMIN_E_HTTP', `instance '${id}' did not answer: ${(error as Error).message}`);
  }
}

function isAdmin(req: IncomingMessage, res: ServerResponse, adminToken: string | undefined): boolean {
  if (adminToken === undefined || adminToken === '') {
    sendRefusal(res, 403, 'VITAMIN_E_FORBIDDEN', 'admin actions are disabled: start the monitor with an admin token');
    return false;
  }
  return admit(req, res, { token: () => adminToken, isLoopbackOnly: false });
}
