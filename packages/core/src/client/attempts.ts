import type { Endpoint } from '../balancing/endpoint.js';
import type { InstanceChooser } from '../balancing/instance-chooser.js';
import { isVitaminError, VitaminError } from '../errors/vitamin-error.js';
import type { CommandContext } from '../resilience/command-types.js';
import { backoff, type RetryPolicy } from '../resilience/retry-policy.js';

/** How the attempts of one operation are made. */
export interface AttemptPlan<P, T> {
  /** Command key, for messages. */
  readonly key: string;
  /** Picks the instance of each attempt and hears how it went (load balancing, ejection). */
  readonly chooser: InstanceChooser;
  readonly retry: RetryPolicy;
  readonly idempotent: boolean;
  /** One attempt of `request` against `endpoint`, aborted by `signal`. */
  send(endpoint: Endpoint, signal: AbortSignal, request: P): Promise<T>;
}

/** Whether an attempt's error says the instance is unwell (outlier ejection counts it). */
function isInstanceFailure(error: unknown): boolean {
  if (!isVitaminError(error)) return false;
  if (error.code === 'VITAMIN_E_CONNECT' || error.code === 'VITAMIN_E_TIMEOUT') return true;
  return error.code === 'VITAMIN_E_HTTP' && error.status >= 500;
}

/**
 * Runs the attempts of one call inside its command: each attempt goes to the instance the load
 * balancer picks (another one than the last, when it can), its outcome is reported, and after a
 * retryable failure of an idempotent operation (connect error, timeout, 503) it waits a jittered
 * backoff and tries again, while the retry budget, both attempt limits
 * (`vitamin.command.<key>.retryMaxAttempts`, `vitamin.services.<name>.maxAttempts`) and the
 * command's deadline allow.
 */
export function runAttempts<P, T>(plan: AttemptPlan<P, T>, request: P, context: CommandContext): Promise<T> {
  const { chooser } = plan;
  plan.retry.recordCall();
  let previous: Endpoint | undefined;
  const attempt = (number: number): Promise<T> => {
    const endpoint = chooser.choose(previous);
    if (endpoint === undefined) {
      return Promise.reject(
        new VitaminError(
          'VITAMIN_E_NO_INSTANCE',
          `${plan.key}: no UP instance of service '${chooser.service}'; register one, or set vitamin.services.${chooser.service}.url or .instances`,
        ),
      );
    }
    return plan.send(endpoint, context.signal, request).then(
      (result) => {
        chooser.report(endpoint, 'success');
        return result;
      },
      (error: unknown) => {
        chooser.report(endpoint, isInstanceFailure(error) ? 'failure' : 'success');
        if (
          context.signal.aborted ||
          number >= chooser.maxAttempts ||
          !plan.retry.shouldRetry(error, number, plan.idempotent)
        ) {
          throw error;
        }
        previous = endpoint;
        return backoff(plan.retry.delayMs(number), context.signal).then(() => attempt(number + 1));
      },
    );
  };
  return attempt(1);
}
