import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHUTDOWN_OPTIONS } from '../app/shutdown-options.js';
import { DEFAULT_ACTUATOR_OPTIONS, resolveActuatorOptions } from './actuator-options.js';

const docs = readFileSync(new URL('../../../../docs/operations.md', import.meta.url), 'utf8');

/** The `| \`name\` | \`default\` |` rows of the table under `heading`. */
function documentedDefaults(heading: string): Record<string, string> {
  const start = docs.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const section = docs.slice(start).split(/\n#{2,3} /)[0]!;
  return Object.fromEntries(
    [...section.matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)].map(([, name, value]) => [name, value!]),
  );
}

const shown = (value: unknown) =>
  value === undefined ? 'none' : Array.isArray(value) ? JSON.stringify(value) : String(value);

describe('actuator and shutdown options', () => {
  it('documents every actuator default in docs/operations.md as the code has it', () => {
    const defaults = Object.fromEntries(Object.entries(DEFAULT_ACTUATOR_OPTIONS).map(([k, v]) => [k, shown(v)]));
    expect(documentedDefaults('### Actuator options')).toEqual(defaults);
  });

  it('documents every shutdown default in docs/operations.md as the code has it', () => {
    const defaults = Object.fromEntries(Object.entries(DEFAULT_SHUTDOWN_OPTIONS).map(([k, v]) => [k, shown(v)]));
    expect(documentedDefaults('## Graceful shutdown')).toEqual(defaults);
  });

  it('keeps health and info open and everything else closed by default', () => {
    expect(DEFAULT_ACTUATOR_OPTIONS.openEndpoints).toEqual(['health', 'info']);
  });

  it('refuses an invalid option, naming its property and what it accepts', () => {
    expect(() => resolveActuatorOptions({ managementPort: 70_000 })).toThrow(
      'vitamin.actuator.managementPort must be a port from 0 to 65535, got 70000',
    );
    expect(() => resolveActuatorOptions({ streamIntervalMs: Number('abc') })).toThrow(
      'vitamin.actuator.streamIntervalMs must be an integer ≥ 1 (ms), got null',
    );
  });

  it('fills in what is undefined and keeps what is given', () => {
    expect(resolveActuatorOptions({ streamMaxClients: 2, basePath: undefined })).toEqual({
      ...DEFAULT_ACTUATOR_OPTIONS,
      streamMaxClients: 2,
    });
  });
});
