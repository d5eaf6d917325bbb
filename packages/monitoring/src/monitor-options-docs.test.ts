import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITOR_OPTIONS } from './monitor-options.js';

const docs = readFileSync(new URL('../../../docs/monitoring.md', import.meta.url), 'utf8');

describe('monitor options', () => {
  it('documents every default in docs/monitoring.md as the code has it', () => {
    const section = docs.slice(docs.indexOf('### Options of `startMonitor`'), docs.indexOf('## Finding instances'));
    const documented = Object.fromEntries(
      [...section.matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)].map(([, name, value]) => [name, value]),
    );
    const defaults = Object.fromEntries(
      Object.entries(DEFAULT_MONITOR_OPTIONS).map(([name, value]) => [
        name,
        Array.isArray(value) ? JSON.stringify(value) : typeof value === 'string' ? value : String(value),
      ]),
    );
    expect(documented).toEqual(defaults);
  });
});
