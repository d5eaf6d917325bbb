import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_OPTIONS, DEFAULT_ETCD_CONFIG_OPTIONS, resolveConfigOptions } from './config-options.js';

const docs = readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');

describe('config options', () => {
  it('documents every default in docs/configuration.md as the code has it', () => {
    const rows = [...docs.matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)];
    const documented = Object.fromEntries(rows.map(([, name, value]) => [name, value]));
    const defaults = Object.fromEntries(
      Object.entries({ ...DEFAULT_CONFIG_OPTIONS, ...DEFAULT_ETCD_CONFIG_OPTIONS }).map(([k, v]) => [k, String(v)]),
    );
    expect(documented).toEqual(defaults);
  });

  it('fills in what is undefined and keeps what is given', () => {
    expect(resolveConfigOptions({ service: 's', configDir: 'etc', watchFiles: undefined })).toEqual({
      ...DEFAULT_CONFIG_OPTIONS,
      service: 's',
      configDir: 'etc',
    });
  });
});
