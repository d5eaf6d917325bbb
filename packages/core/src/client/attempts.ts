import { VitaminError } from '../errors/vitamin-error.js';
import type { CommandContext } from '../resilience/command-types.js';
import { backoff, type RetryPolicy } from '../resilience/retry-policy.js';

/**
 * Where attempt number `attempt` (1, 2, …) of a call goes: an origin (`http://host:port`), or
 * `undefined` when no instance is known. The seam where load balancing plugs in; today it is the
 * configured base URL ({@link fixedOrigin}).
 */
export type PickOrigin = (attempt: number) => string | undefined;

/** A {@link PickOrigin} that always answers the same configured origin. */
export function fixedOrigin(origin: string | undefined): PickOrigin {
  return () => origin;
}

/** How the attempts of one operation are made. */
export interface AttemptPlan<P, T> {
  /** Command key, for messages. */
  readonly key: string;
  readonly service: string;
  readonly pickOrigin: PickOrigin;
  readonly retry: RetryPolicy;
  readonly idempotent: boolean;
  /** One attempt of `request` against `origin`, aborted by `signal`. */
  send(origin: string, signal: AbortSignal, request: P): Promise<T>;
}

/**
 * Runs the attempts of one call inside its command: asks for an origin per attempt, and after a
 * retryable failure of an idempotent operation waits a jittered backoff and tries again, while the
 * retry budget and the command's deadline allow.
 */
export function runAttempts<P, T>(plan: AttemptPlan<P, T>, request: P, context: CommandContext): Promise<T> {
  plan.retry.recordCall();
  const attempt = (number: number): Promise<T> => {
    const origin = plan.pickOrigin(number);
    const sent =
      origin === undefined
        ? Promise.reject(
            new VitaminError(
              'VITAMIN_E_NO_INSTANCE',
              `${plan.key}: no address for service '${plan.service}'; set vitamin.services.${plan.service}.url`,
            ),
          )
        : plan.send(origin, context.signal, request);
    return sent.catch((error: unknown) => {
      if (context.signal.aborted || !plan.retry.shouldRetry(error, number, plan.idempotent)) throw error;
      return backoff(plan.retry.delayMs(number), context.signal).then(() => attempt(number + 1));
    });
  };
  return attempt(1);
}
