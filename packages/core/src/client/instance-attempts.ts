import type { Endpoint } from '../balancing/endpoint.js';
import type { InstanceChooser } from '../balancing/instance-chooser.js';
import { isVitaminError, VitaminError } from '../errors/vitamin-error.js';

/** Whether an attempt's error says the instance is unwell (ejection counts it). */
function isInstanceFailure(error: unknown): boolean {
  if (!isVitaminError(error)) return false;
  if (error.code === 'VITAMIN_E_CONNECT' || error.code === 'VITAMIN_E_TIMEOUT') return true;
  return error.code === 'VITAMIN_E_HTTP' && error.status >= 500;
}

/** Whether another instance may answer where this one did not: connect error, timeout or 503. */
function isRetryableOnNext(error: unknown): boolean {
  if (!isVitaminError(error)) return false;
  if (error.code === 'VITAMIN_E_CONNECT' || error.code === 'VITAMIN_E_TIMEOUT') return true;
  return error.code === 'VITAMIN_E_HTTP' && error.status === 503;
}

/**
 * Runs `attempt` on an instance the chooser picks, reports each outcome, and for idempotent calls
 * tries the next instance on a connect error, a timeout or a 503, up to `chooser.maxAttempts`.
 * This is the per-attempt "origin" step of the call pipeline; the retry policy of the resilience
 * pipeline can take over the loop.
 */
export async function attemptOnInstances<T>(
  chooser: InstanceChooser,
  idempotent: boolean,
  attempt: (endpoint: Endpoint) => Promise<T>,
  operation: string,
): Promise<T> {
  const maxAttempts = idempotent ? Math.max(1, chooser.maxAttempts) : 1;
  let previous: Endpoint | undefined;
  for (let attempts = 1; ; attempts++) {
    const endpoint = chooser.choose(previous);
    if (endpoint === undefined) {
      throw new VitaminError(
        'VITAMIN_E_NO_INSTANCE',
        `${operation}: no UP instance of service '${chooser.service}'; register one, or set vitamin.services.${chooser.service}.url or .instances`,
      );
    }
    try {
      const result = await attempt(endpoint);
      chooser.report(endpoint, 'success');
      return result;
    } catch (error) {
      chooser.report(endpoint, isInstanceFailure(error) ? 'failure' : 'success');
      if (attempts >= maxAttempts || !isRetryableOnNext(error)) throw error;
      previous = endpoint;
    }
  }
}
