import { instanceOrigin, type Instance } from '../discovery/instance.js';

/**
 * One instance as a load balancer sees it: what the transport needs, resolved once when the
 * instance appears, and the live counters rules and outlier ejection read.
 */
export class Endpoint {
  /** `http(s)://host:port`. */
  readonly origin: string;
  /** Path prefix of the instance's API, `''` for none. */
  readonly basePath: string;
  /** Relative share under the weighted rule (metadata `weight`, default 1). */
  readonly weight: number;
  readonly zone: string | undefined;
  /** Calls sent and not yet reported. */
  outstanding = 0;
  /** Connect failures, timeouts and 5xx in a row. */
  consecutiveFailures = 0;
  /** Until when it is ejected, in ms of the balancer's clock; `0` when it is not. */
  ejectedUntil = 0;
  /** How many times it was ejected: each ejection lasts longer. */
  ejections = 0;

  constructor(readonly instance: Instance) {
    this.origin = instanceOrigin(instance);
    const basePath = instance.metadata.basePath;
    this.basePath = typeof basePath === 'string' ? basePath : '';
    const weight = instance.metadata.weight;
    this.weight = typeof weight === 'number' && weight >= 0 ? weight : 1;
    const zone = instance.metadata.zone;
    this.zone = typeof zone === 'string' ? zone : undefined;
  }
}
