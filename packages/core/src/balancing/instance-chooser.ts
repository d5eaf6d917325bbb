import type { Endpoint } from './endpoint.js';

/**
 * What an attempt did to an instance's standing: `failure` is a connect error, a timeout or a 5xx
 * (counts toward ejection); `success` is any other answer, 4xx included.
 */
export type CallOutcome = 'success' | 'failure';

/**
 * Chooses an instance for each attempt of a call and hears how it went. Created per provider
 * service; every `choose` that returns an endpoint is followed by exactly one `report`.
 */
export interface InstanceChooser {
  /** The registry name of the service. */
  readonly service: string;
  /** Most attempts of an idempotent call (first try included). */
  readonly maxAttempts: number;
  /** An instance for the next attempt, avoiding `previous` when another is available. */
  choose(previous?: Endpoint): Endpoint | undefined;
  report(endpoint: Endpoint, outcome: CallOutcome): void;
}
