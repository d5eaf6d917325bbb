import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMAND_OPTIONS, resolveCommandOptions } from './command-options.js';
import { DEFAULT_POOL_OPTIONS, resolvePoolOptions } from './concurrency-pool.js';

const docs = readFileSync(new URL('../../../../docs/resilience.md', import.meta.url), 'utf8');

function documented(scope: string): Record<string, string> {
  const rows = [...docs.matchAll(/^\| `(\w+)` \| `([^`]+)` \| [^|]+ \| `vitamin\.(\w+)\.<\w+>\.(\w+)` \|/gm)];
  return Object.fromEntries(
    rows.filter(([, , , s]) => s === scope).map(([, name, value, , property]) => [`${name}=${property}`, value!]),
  );
}

function asRows(defaults: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(defaults).map(([name, value]) => [`${name}=${name}`, String(value)]));
}

describe('command options', () => {
  it('documents every option, its default and its property in docs/resilience.md as the code has them', () => {
    expect(documented('command')).toEqual(asRows(DEFAULT_COMMAND_OPTIONS));
    expect(documented('pool')).toEqual(asRows(DEFAULT_POOL_OPTIONS));
  });

  it('keeps the Hystrix defaults', () => {
    expect(DEFAULT_COMMAND_OPTIONS).toMatchObject({
      timeoutMs: 1000,
      maxConcurrent: 10,
      requestVolumeThreshold: 20,
      errorThresholdPercentage: 50,
      sleepWindowMs: 5000,
      halfOpenProbes: 1,
      rollingWindowMs: 10_000,
      rollingBuckets: 10,
      retryBudgetPercent: 20,
    });
  });

  it('fills in defaults and refuses invalid values, naming the option', () => {
    expect(resolveCommandOptions({ timeoutMs: 5 })).toEqual({ ...DEFAULT_COMMAND_OPTIONS, timeoutMs: 5 });
    expect(() => resolveCommandOptions({ timeoutMs: 0 })).toThrow(
      'command option timeoutMs must be an integer ≥ 1 (ms), got 0',
    );
    expect(() => resolveCommandOptions({ errorThresholdPercentage: 101 })).toThrow(/errorThresholdPercentage/);
    expect(() => resolvePoolOptions({ maxQueue: -1 })).toThrow('pool option maxQueue must be an integer ≥ 0, got -1');
  });
});
