import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { LayeredConfig } from './layered-config.js';

const layers = ['code', 'file', 'store', 'env'];
const values = (record: Record<string, unknown>) => new Map(Object.entries(record));
const update = (config: LayeredConfig, layer: string, record: Record<string, unknown>) =>
  config.update(new Map([[layer, values(record)]]));

describe('LayeredConfig', () => {
  it('takes each key from the highest layer that sets it and says which one', () => {
    const config = new LayeredConfig({ layers });
    update(config, 'code', { a: 1, b: 1, c: 1 });
    update(config, 'env', { c: 4 });
    update(config, 'file', { a: 2, b: 2 });
    update(config, 'store', { b: 3 });
    expect([config.get('a'), config.get('b'), config.get('c')]).toEqual([2, 3, 4]);
    expect(config.describe('b')).toEqual({ key: 'b', value: 3, source: 'store' });
    update(config, 'store', {});
    expect(config.describe('b')).toEqual({ key: 'b', value: 2, source: 'file' });
  });

  it('applies keys changed together in one step and tells listeners once', () => {
    const config = new LayeredConfig({ layers });
    update(config, 'store', { a: 1, b: 1 });
    const seen: [string[], unknown, unknown][] = [];
    config.subscribe((changed) => seen.push([[...changed].sort(), config.get('a'), config.get('b')]));
    update(config, 'store', { a: 2, b: 2 });
    expect(seen).toEqual([[['a', 'b'], 2, 2]]);
  });

  it('refuses a value that fails its check, keeps the last good one, and records the refusal once', () => {
    const config = new LayeredConfig({ layers, clock: () => 42 });
    update(config, 'file', { 'pool.size': 5 });
    config.addCheck('pool.size', (v) =>
      v === undefined || (typeof v === 'number' && v > 0) ? undefined : 'must be > 0',
    );
    update(config, 'store', { 'pool.size': -1, other: 'x' });
    update(config, 'store', { 'pool.size': -1, other: 'y' });
    expect(config.get('pool.size')).toBe(5);
    expect(config.describe('pool.size')?.source).toBe('file');
    expect(config.get('other')).toBe('y');
    expect(config.refusals()).toEqual([
      { key: 'pool.size', source: 'store', value: -1, reason: 'must be > 0', at: 42 },
    ]);
  });

  it('masks secret values in refusals and descriptions', () => {
    const config = new LayeredConfig({ layers });
    config.addCheck('db.password', (v) => (v === undefined || String(v).length >= 8 ? undefined : 'too short'));
    update(config, 'store', { 'db.password': 'short' });
    update(config, 'file', { 'db.password': 'long-enough' });
    expect(config.refusals()[0]).toMatchObject({ key: 'db.password', value: '******' });
    expect(config.describe('db.password')?.value).toBe('******');
    expect(config.get('db.password')).toBe('long-enough');
  });

  it('resolves ${VAR} and ${VAR:default} placeholders once, without evaluating anything', () => {
    const env = { DB_HOST: 'db.local', TRICK: '${DB_HOST}' };
    const config = new LayeredConfig({ layers, env });
    update(config, 'file', { url: 'postgres://${DB_HOST}:${DB_PORT:5432}/x', trick: '${TRICK}' });
    expect(config.get('url')).toBe('postgres://db.local:5432/x');
    expect(config.get('trick')).toBe('${DB_HOST}');
  });

  it('refuses a placeholder with no value at run time, and throws at boot', () => {
    const config = new LayeredConfig({ layers, env: {} });
    update(config, 'file', { url: 'a' });
    update(config, 'store', { url: '${NOPE}' });
    expect(config.get('url')).toBe('a');
    expect(config.refusals()[0]?.reason).toContain("'NOPE' is not set");
    const booting = new LayeredConfig({ layers, env: {} });
    expect(() => booting.update(new Map([['env', values({ x: '${NOPE}' })]]), true)).toThrow(
      "property 'x' is invalid: environment variable 'NOPE' is not set",
    );
  });

  it('refuses a change to a group as a whole when the group check fails', () => {
    const config = new LayeredConfig({ layers });
    update(config, 'file', { 'pool.min': 1, 'pool.max': 10 });
    config.addGroupCheck('pool', (v) => (Number(v.get('min')) <= Number(v.get('max')) ? undefined : 'min > max'));
    update(config, 'store', { 'pool.min': 20, 'pool.max': 15 });
    expect([config.get('pool.min'), config.get('pool.max')]).toEqual([1, 10]);
    expect(config.refusals().map((r) => r.key)).toEqual(['pool.min', 'pool.max']);
    update(config, 'store', { 'pool.min': 20, 'pool.max': 30 });
    expect([config.get('pool.min'), config.get('pool.max')]).toEqual([20, 30]);
  });

  it('reports keys under vitamin. that nothing reads', () => {
    const config = new LayeredConfig({ layers });
    update(config, 'file', {
      'vitamin.comand.default.timeoutMs': 5,
      'vitamin.client.timeoutMs': 5,
      'vitamin.discovery.registry': 'file',
      'vitamin.discovery.file.dir': '/tmp/registry',
      'app.x': 1,
    });
    expect(config.unknownKeys()).toEqual(['vitamin.comand.default.timeoutMs']);
  });

  it('throws at declaration when the current value already fails the check', () => {
    const config = new LayeredConfig({ layers });
    update(config, 'file', { n: 'x' });
    expect(() => config.addCheck('n', (v) => (typeof v === 'number' ? undefined : 'not a number'))).toThrow(
      "property 'n' is invalid: not a number",
    );
  });

  it('never writes a secret value to the log', () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const config = new LayeredConfig({ layers, logger: createLogger({ destination }) });
    config.addCheck('db.password', (v) => (v === undefined || String(v).length > 8 ? undefined : 'too short'));
    config.addCheck('db.url', (v) =>
      v === undefined || String(v).startsWith('postgres:') ? undefined : 'not postgres',
    );
    update(config, 'store', { 'db.password': 'hunter2', 'db.url': 'mysql://app:hunter2@db/x' });
    expect(lines).toHaveLength(2);
    expect(lines.join('')).toContain('******');
    expect(lines.join('')).not.toContain('hunter2');
  });
});
