import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorPercentage, requestCount } from './hystrix-format.js';
import type { CommandMetricsSource } from './metrics-source.js';
import { readSmallJson, sendJson, sendRefusal } from './reply.js';

/** What an operator can do to a circuit. */
export type CircuitAction = 'forceOpen' | 'forceClosed' | 'reset';

const ACTIONS: readonly CircuitAction[] = ['forceOpen', 'forceClosed', 'reset'];

/**
 * Steers circuits by command key; implemented by the resilience code (for example by setting the
 * `vitamin.command.<key>.forceOpen` / `forceClosed` properties, and clearing both on `reset`).
 */
export interface CircuitBreakerControl {
  /** Applies `action` to the circuit of `key`; false when no command has that key. */
  apply(key: string, action: CircuitAction): boolean | Promise<boolean>;
}

/** `GET /actuator/circuitbreakers`: every command's circuit state and rolling health. */
export function serveCircuitBreakers(res: ServerResponse, source: CommandMetricsSource): void {
  const circuitBreakers = source.commands().map((command) => ({
    key: command.key,
    group: command.group,
    state: command.circuit,
    requestCount: requestCount(command.counts),
    errorPercentage: errorPercentage(command.counts),
  }));
  sendJson(res, 200, { circuitBreakers });
}

/** `POST /actuator/circuitbreakers/:key` with `{ "action": "forceOpen" | "forceClosed" | "reset" }`. */
export async function steerCircuitBreaker(
  req: IncomingMessage,
  res: ServerResponse,
  key: string | undefined,
  control: CircuitBreakerControl | undefined,
  source: CommandMetricsSource,
): Promise<void> {
  const body = (await readSmallJson(req)) as { action?: unknown } | undefined;
  const action = body?.action as CircuitAction;
  if (!ACTIONS.includes(action)) {
    sendJson(res, 400, {
      error: { code: 'VITAMIN_E_VALIDATION', message: `body.action must be one of ${ACTIONS.join(', ')}` },
    });
    return;
  }
  if (key === undefined || control === undefined || !(await control.apply(key, action))) {
    sendRefusal(res, 404, 'VITAMIN_E_NOT_FOUND', 'No such circuit breaker');
    return;
  }
  const state = source.commands().find((command) => command.key === key)?.circuit;
  sendJson(res, 200, { key, action, state });
}
