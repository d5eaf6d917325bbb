import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logging/logger.js';
import { readSmallJson, sendJson, sendRefusal } from './reply.js';

/** The levels a logger accepts, lowest first, `silent` for none. */
export const LOG_LEVELS = Object.freeze(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

/** `GET /actuator/loggers`: every named logger and its level. */
export function serveLoggers(res: ServerResponse, loggers: ReadonlyMap<string, Logger>): void {
  const listed: Record<string, { level: string }> = {};
  for (const [name, logger] of loggers) listed[name] = { level: logger.level };
  sendJson(res, 200, { levels: LOG_LEVELS, loggers: listed });
}

/**
 * `POST /actuator/loggers/:name` with `{ "level": "debug" }`: changes the level at once (not
 * persisted: a restart returns to the configured level).
 */
export async function changeLogger(
  req: IncomingMessage,
  res: ServerResponse,
  name: string | undefined,
  loggers: ReadonlyMap<string, Logger>,
): Promise<void> {
  const logger = name === undefined ? undefined : loggers.get(name);
  if (logger === undefined) {
    sendRefusal(res, 404, 'VITAMIN_E_NOT_FOUND', 'No such logger');
    return;
  }
  const body = (await readSmallJson(req)) as { level?: unknown } | undefined;
  const level = body?.level;
  if (typeof level !== 'string' || !LOG_LEVELS.includes(level)) {
    sendJson(res, 400, {
      error: { code: 'VITAMIN_E_VALIDATION', message: `body.level must be one of ${LOG_LEVELS.join(', ')}` },
    });
    return;
  }
  const previous = logger.level;
  logger.level = level;
  logger.warn({ logger: name, previous, level }, 'log level changed through the actuator');
  sendJson(res, 200, { logger: name, level });
}
