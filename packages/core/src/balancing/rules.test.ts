import { describe, expect, it } from 'vitest';
import type { Endpoint } from './endpoint.js';
import { LeastOutstandingRule } from './least-outstanding-rule.js';
import { RandomRule } from './random-rule.js';
import { RoundRobinRule } from './round-robin-rule.js';
import type { LoadBalancerRule } from './rule.js';
import { createRule, RULE_NAMES } from './rules.js';
import { endpoints, seeded } from '../../test/support/endpoints.js';
import { WeightedRule } from './weighted-rule.js';
import { ZoneAffinityRule } from './zone-affinity-rule.js';

function shares(rule: LoadBalancerRule, available: readonly Endpoint[], picks: number): number[] {
  const counts = new Map<Endpoint, number>();
  for (let i = 0; i < picks; i++) {
    const endpoint = rule.pick(available);
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
  }
  return available.map((endpoint) => (counts.get(endpoint) ?? 0) / picks);
}

describe('load-balancer rules', () => {
  it('round robin gives each endpoint exactly its turn', () => {
    const available = endpoints(3);
    const rule = new RoundRobinRule();
    expect(Array.from({ length: 7 }, () => rule.pick(available).instance.id)).toEqual([
      'i0',
      'i1',
      'i2',
      'i0',
      'i1',
      'i2',
      'i0',
    ]);
    expect(rule.pick(endpoints(1)).instance.id).toBe('i0');
  });

  it('random spreads 30,000 picks evenly over 4 endpoints (each within 2 % of 25 %)', () => {
    for (const share of shares(new RandomRule(seeded(1)), endpoints(4), 30_000)) expect(share).toBeCloseTo(0.25, 1.5);
    const spread = shares(new RandomRule(seeded(1)), endpoints(4), 30_000);
    expect(Math.max(...spread) - Math.min(...spread)).toBeLessThan(0.02);
  });

  it('weighted follows metadata weights 1:2:7, and a weight of 0 gets nothing', () => {
    const weights = [1, 2, 7, 0];
    const result = shares(
      new WeightedRule(seeded(2)),
      endpoints(4, (i) => ({ weight: weights[i]! })),
      50_000,
    );
    expect(result[0]).toBeGreaterThan(0.09);
    expect(result[0]).toBeLessThan(0.11);
    expect(result[1]).toBeGreaterThan(0.19);
    expect(result[1]).toBeLessThan(0.21);
    expect(result[2]).toBeGreaterThan(0.68);
    expect(result[2]).toBeLessThan(0.72);
    expect(result[3]).toBe(0);
  });

  it('weighted treats a missing weight as 1 and recomputes when the list changes', () => {
    const rule = new WeightedRule(seeded(3));
    const even = shares(rule, endpoints(2), 20_000);
    expect(Math.abs(even[0]! - 0.5)).toBeLessThan(0.02);
    const skewed = shares(
      rule,
      endpoints(2, (i) => ({ weight: i === 0 ? 3 : 1 })),
      20_000,
    );
    expect(Math.abs(skewed[0]! - 0.75)).toBeLessThan(0.02);
  });

  it('least outstanding never picks the busier of two, and avoids the busiest endpoint', () => {
    const available = endpoints(2);
    available[0]!.outstanding = 5;
    const rule = new LeastOutstandingRule(seeded(4));
    expect(shares(rule, available, 1000)).toEqual([0, 1]);

    const four = endpoints(4);
    four[3]!.outstanding = 10;
    // power of two choices: the busiest one loses every comparison, so it is never picked
    expect(shares(new LeastOutstandingRule(seeded(5)), four, 10_000)[3]).toBe(0);
    four.forEach((e) => (e.outstanding = 0));
    for (const share of shares(new LeastOutstandingRule(seeded(6)), four, 40_000)) {
      expect(Math.abs(share - 0.25)).toBeLessThan(0.02);
    }
  });

  it('zone affinity stays in its zone and falls back to all when the zone has none', () => {
    const zones = ['a', 'b', 'a', 'c'];
    const available = endpoints(4, (i) => ({ zone: zones[i]! }));
    const rule = new ZoneAffinityRule('a', new RoundRobinRule());
    expect(shares(rule, available, 1000)).toEqual([0.5, 0, 0.5, 0]);
    const withoutA = available.filter((e) => e.zone !== 'a');
    expect(shares(rule, withoutA, 1000)).toEqual([0.5, 0.5]);
    expect(shares(new ZoneAffinityRule(undefined, new RoundRobinRule()), available, 1000)).toEqual([
      0.25, 0.25, 0.25, 0.25,
    ]);
  });

  it('creates every rule by name and refuses an unknown one, naming the known ones', () => {
    for (const name of RULE_NAMES) expect(createRule(name).name).toBe(name);
    expect(() => createRule('fastest', {}, 'vitamin.services.x.rule')).toThrow(
      /vitamin.services.x.rule: unknown rule 'fastest'; use one of round-robin, random/,
    );
  });
});
