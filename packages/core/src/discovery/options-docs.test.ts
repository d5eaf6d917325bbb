import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_BALANCER_OPTIONS } from '../balancing/load-balancer-options.js';
import { DEFAULT_DNS_REGISTRY_OPTIONS } from './dns-registry-options.js';
import { DEFAULT_ETCD_REGISTRY_OPTIONS } from './etcd-registry-options.js';
import { DEFAULT_FILE_REGISTRY_OPTIONS } from './file-registry-options.js';

const docs = readFileSync(new URL('../../../../docs/discovery.md', import.meta.url), 'utf8');

function display(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value).replace(tmpdir(), '<tmpdir>');
}

describe('discovery and balancing options', () => {
  it('documents every default in docs/discovery.md as the code has it, and nothing else', () => {
    const documented = Object.fromEntries(
      [...docs.matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)].map(([, name, value]) => [name, value]),
    );
    const defaults: Record<string, string> = {};
    for (const options of [
      DEFAULT_FILE_REGISTRY_OPTIONS,
      DEFAULT_ETCD_REGISTRY_OPTIONS,
      DEFAULT_DNS_REGISTRY_OPTIONS,
      DEFAULT_LOAD_BALANCER_OPTIONS,
    ]) {
      for (const [name, value] of Object.entries(options)) {
        if (typeof value !== 'function') defaults[name] = display(value);
      }
    }
    expect(documented).toEqual(defaults);
  });
});
