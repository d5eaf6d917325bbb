import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRACING_OPTIONS, resolveTracingOptions } from './tracing-options.js';

const docs = readFileSync(new URL('../../../../docs/tracing.md', import.meta.url), 'utf8');

describe('tracing options', () => {
  it('documents every default in docs/tracing.md as the code has it', () => {
    const rows = [...docs.matchAll(/^\| `vitamin\.tracing\.(\w+)` \| `([^`]+)` \|/gm)];
    const documented = Object.fromEntries(rows.map(([, name, value]) => [name, value]));
    const defaults = Object.fromEntries(
      Object.entries(DEFAULT_TRACING_OPTIONS).map(([k, v]) => [k, Array.isArray(v) ? JSON.stringify(v) : String(v)]),
    );
    expect(documented).toEqual(defaults);
  });

  it.each([
    [{ propagation: ['w3c', 'jaeger'] }, "vitamin.tracing.propagation: 'jaeger' is not one of w3c, b3, b3multi"],
    [{ sampleRatio: 1.5 }, "vitamin.tracing.sampleRatio: '1.5' is not between 0 and 1"],
    [{ sampleRatio: Number.NaN }, "vitamin.tracing.sampleRatio: 'NaN' is not between 0 and 1"],
    [{ enabled: 'yes' }, "vitamin.tracing.enabled: 'yes' is not true or false"],
  ])('refuses %j naming the property', (options, message) => {
    expect(() => resolveTracingOptions(options as never)).toThrow(message);
  });
});
