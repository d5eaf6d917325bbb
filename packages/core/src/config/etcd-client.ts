import { Etcd3, type IOptions } from 'etcd3';

type Policy = NonNullable<NonNullable<IOptions['faultHandling']>['global']>;

/**
 * A policy that runs a call once. The client's own retries and per-host breaker (open for 5 s
 * after 3 failures) would delay noticing that the store is back; vitamin retries at its level.
 */
const ONCE = {
  execute: (call: (context: object) => unknown) => Promise.resolve().then(() => call({})),
} as unknown as Policy;

/** An etcd client whose unary calls give up after `timeoutMs` and are not retried by the client. */
export function createEtcdClient(endpoints: readonly string[], timeoutMs: number): Etcd3 {
  return new Etcd3({
    hosts: [...endpoints],
    dialTimeout: timeoutMs,
    defaultCallOptions: (context) => (context.isStream ? {} : { deadline: Date.now() + timeoutMs }),
    faultHandling: { global: ONCE, host: () => ONCE },
  });
}
