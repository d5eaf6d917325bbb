import { VitaminError } from '../errors/vitamin-error.js';
import { LeastOutstandingRule } from './least-outstanding-rule.js';
import { RandomRule } from './random-rule.js';
import { RoundRobinRule } from './round-robin-rule.js';
import type { LoadBalancerRule, RandomSource, RuleName } from './rule.js';
import { WeightedRule } from './weighted-rule.js';
import { ZoneAffinityRule } from './zone-affinity-rule.js';

/** Every rule name, as `vitamin.services.<name>.rule` accepts them. */
export const RULE_NAMES: readonly RuleName[] = Object.freeze([
  'round-robin',
  'random',
  'weighted',
  'least-outstanding',
  'zone-affinity',
]);

/** What some rules need besides the endpoints. */
export interface RuleContext {
  /** The caller's own zone, for `zone-affinity`. */
  zone?: string | undefined;
  /** @defaultValue `Math.random` */
  random?: RandomSource;
}

/**
 * A fresh rule by name (`zone-affinity` chooses round robin inside the zone).
 * @throws VitaminError `VITAMIN_E_CONFIG` naming `source` and the known rules when `name` is unknown
 */
export function createRule(name: unknown, context: RuleContext = {}, source = 'load balancer rule'): LoadBalancerRule {
  const random = context.random ?? Math.random;
  switch (name) {
    case 'round-robin':
      return new RoundRobinRule();
    case 'random':
      return new RandomRule(random);
    case 'weighted':
      return new WeightedRule(random);
    case 'least-outstanding':
      return new LeastOutstandingRule(random);
    case 'zone-affinity':
      return new ZoneAffinityRule(context.zone, new RoundRobinRule());
    default:
      throw new VitaminError(
        'VITAMIN_E_CONFIG',
        `${source}: unknown rule '${String(name)}'; use one of ${RULE_NAMES.join(', ')}`,
      );
  }
}
