import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_OPTIONS, resolveServerOptions } from './server-options.js';

const docs = readFileSync(new URL('../../../../docs/server.md', import.meta.url), 'utf8');

describe('server options', () => {
  it('documents every default in docs/server.md as the code has it', () => {
    const rows = [...docs.matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)];
    const documented = Object.fromEntries(rows.map(([, name, value]) => [name, value]));
    const defaults = Object.fromEntries(Object.entries(DEFAULT_SERVER_OPTIONS).map(([k, v]) => [k, String(v)]));
    expect(documented).toEqual(defaults);
  });

  it('keeps keep-alive above a 60 s load-balancer idle timeout by default', () => {
    expect(DEFAULT_SERVER_OPTIONS.keepAliveTimeoutMs).toBeGreaterThan(60_000);
  });

  it('fills in what is undefined and keeps what is given', () => {
    expect(resolveServerOptions({ port: 8080, host: undefined })).toEqual({ ...DEFAULT_SERVER_OPTIONS, port: 8080 });
  });
});
