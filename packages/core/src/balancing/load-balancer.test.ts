import { describe, expect, it } from 'vitest';
import { LoadBalancer } from './load-balancer.js';
import { instances } from '../../test/support/endpoints.js';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function fail(balancer: LoadBalancer, id: string, times: number): void {
  for (let i = 0; i < times; i++) {
    const endpoint = balancer.endpoints().find((e) => e.instance.id === id)!;
    endpoint.outstanding++;
    balancer.report(endpoint, 'failure');
  }
}

const ids = (balancer: LoadBalancer) => balancer.availableEndpoints().map((e) => e.instance.id);

describe('LoadBalancer', () => {
  it('only chooses UP instances and counts calls in flight', () => {
    const balancer = new LoadBalancer('svc');
    const list = instances(3);
    balancer.update([list[0]!, { ...list[1]!, status: 'STARTING' }, { ...list[2]!, status: 'OUT_OF_SERVICE' }]);
    const a = balancer.choose()!;
    const b = balancer.choose()!;
    expect([a.instance.id, b.instance.id]).toEqual(['i0', 'i0']);
    expect(a.outstanding).toBe(2);
    balancer.report(a, 'success');
    expect(a.outstanding).toBe(1);
    balancer.update([]);
    expect(balancer.choose()).toBeUndefined();
  });

  it('avoids the previous instance on a retry when another is available', () => {
    const balancer = new LoadBalancer('svc', { rule: 'random' }, { random: () => 0 });
    balancer.update(instances(3));
    const first = balancer.choose()!;
    expect(balancer.choose(first)!.instance.id).not.toBe(first.instance.id);
  });

  it('ejects an instance after 5 failures in a row for 30 s, then takes it back', () => {
    const time = clock();
    const balancer = new LoadBalancer('svc', {}, { now: time.now });
    balancer.update(instances(4));
    fail(balancer, 'i1', 4);
    expect(ids(balancer)).toContain('i1');
    fail(balancer, 'i1', 1);
    expect(ids(balancer)).toEqual(['i0', 'i2', 'i3']);
    for (let i = 0; i < 30; i++) expect(balancer.choose()!.instance.id).not.toBe('i1');
    time.advance(29_999);
    expect(ids(balancer)).not.toContain('i1');
    time.advance(1);
    expect(ids(balancer)).toEqual(['i0', 'i1', 'i2', 'i3']);
  });

  it('resets the failure count on a success', () => {
    const balancer = new LoadBalancer('svc', {}, { now: clock().now });
    balancer.update(instances(4));
    fail(balancer, 'i0', 4);
    const endpoint = balancer.endpoints()[0]!;
    endpoint.outstanding++;
    balancer.report(endpoint, 'success');
    fail(balancer, 'i0', 4);
    expect(ids(balancer)).toContain('i0');
  });

  it('ejects for longer each time: 30 s, 60 s, 90 s … at most 300 s', () => {
    const time = clock();
    const balancer = new LoadBalancer('svc', {}, { now: time.now });
    balancer.update(instances(2));
    const durations: number[] = [];
    for (let round = 0; round < 12; round++) {
      fail(balancer, 'i0', 5);
      const until = balancer.endpoints()[0]!.ejectedUntil;
      durations.push(until - time.now());
      time.advance(until - time.now());
      expect(ids(balancer)).toContain('i0');
    }
    expect(durations.slice(0, 3)).toEqual([30_000, 60_000, 90_000]);
    expect(Math.max(...durations)).toBe(300_000);
  });

  it('never ejects more than half of the instances at once', () => {
    const balancer = new LoadBalancer('svc', {}, { now: clock().now });
    balancer.update(instances(5));
    for (const id of ['i0', 'i1', 'i2', 'i3', 'i4']) fail(balancer, id, 10);
    expect(ids(balancer)).toHaveLength(3);

    const single = new LoadBalancer('svc', {}, { now: clock().now });
    single.update(instances(1));
    fail(single, 'i0', 50);
    expect(ids(single)).toEqual(['i0']);
  });

  it('keeps counters and ejections of instances that stay when the list changes', () => {
    const balancer = new LoadBalancer('svc', {}, { now: clock().now });
    const list = instances(4);
    balancer.update(list);
    fail(balancer, 'i2', 5);
    balancer.update([...list.slice(0, 3), ...instances(6).slice(4)]);
    expect(ids(balancer)).toEqual(['i0', 'i1', 'i4', 'i5']);
  });

  it('changes rule and options live, refusing an unknown rule and keeping the last good one', () => {
    const balancer = new LoadBalancer('svc');
    balancer.configure({ rule: 'least-outstanding', maxAttempts: 5 });
    expect([balancer.ruleName, balancer.maxAttempts]).toEqual(['least-outstanding', 5]);
    expect(() => balancer.configure({ rule: 'nope' as never })).toThrow(/unknown rule 'nope'/);
    expect(balancer.ruleName).toBe('least-outstanding');
    expect(() => balancer.configure({ maxAttempts: Number('three') })).toThrow(
      /svc: maxAttempts must be a whole number/,
    );
    expect(balancer.maxAttempts).toBe(5);
  });
});
