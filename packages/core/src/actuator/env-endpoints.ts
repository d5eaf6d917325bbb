import type { ServerResponse } from 'node:http';
import { maskUrlCredentials, maskValue } from '../config/secrets.js';
import type { PropertiesSource } from './properties-source.js';
import { sendJson } from './reply.js';

/** `GET /actuator/env`: every property with its source, secrets masked. */
export function serveEnv(res: ServerResponse, source: PropertiesSource): void {
  sendJson(res, 200, { properties: maskedProperties(source) });
}

/**
 * `GET /actuator/config`: the properties, the refused changes (with the reason, value masked) and
 * the keys no component reads.
 */
export function serveConfig(res: ServerResponse, source: PropertiesSource): void {
  const refusals = (source.refusals?.() ?? []).map((refusal) => ({
    key: refusal.key,
    source: maskUrlCredentials(refusal.source),
    value: maskValue(refusal.key, refusal.value),
    reason: maskUrlCredentials(refusal.reason),
    at: new Date(refusal.at).toISOString(),
  }));
  sendJson(res, 200, {
    properties: maskedProperties(source),
    refusals,
    unknownKeys: [...(source.unknownKeys?.() ?? [])],
  });
}

function maskedProperties(source: PropertiesSource) {
  return source.describeAll().map(({ key, value, source: from }) => ({
    key,
    value: maskValue(key, value),
    source: maskUrlCredentials(from),
  }));
}
