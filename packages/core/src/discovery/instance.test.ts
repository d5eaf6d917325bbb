import { describe, expect, it } from 'vitest';
import { instanceFromUrl, instanceOrigin, parseInstance } from './instance.js';

const valid = { id: 'a-1', service: 'orders', host: '10.0.0.1', port: 8080, secure: false, status: 'UP', metadata: {} };

describe('instance records', () => {
  it('reads a URL into host, port, scheme and base path', () => {
    const instance = instanceFromUrl('orders', 'https://orders.internal/v2/', 'vitamin.services.orders.url');
    expect(instance).toEqual({
      id: 'orders.internal-443',
      service: 'orders',
      host: 'orders.internal',
      port: 443,
      secure: true,
      status: 'UP',
      metadata: { basePath: '/v2' },
    });
    expect(instanceOrigin(instance)).toBe('https://orders.internal:443');
    expect(instanceOrigin(instanceFromUrl('o', 'http://[::1]:81', 'x'))).toBe('http://[::1]:81');
  });

  it.each([
    ['ftp://x', /'ftp:' is not http/],
    ['nope', /is not a URL/],
    ['http://u:p@h:1', /no credentials/],
  ])('refuses %s, naming where it came from', (url, message) => {
    expect(() => instanceFromUrl('o', url, 'vitamin.services.o.instances[2]')).toThrow(message);
    expect(() => instanceFromUrl('o', url, 'vitamin.services.o.instances[2]')).toThrow(/instances\[2\]/);
  });

  it.each([
    [{ ...valid, id: '../../etc/passwd' }, 'id'],
    [{ ...valid, service: 'a/b' }, 'service'],
    [{ ...valid, host: 'evil.com/path?x' }, 'host'],
    [{ ...valid, port: 70000 }, 'port'],
    [{ ...valid, status: 'RUNNING' }, 'status'],
    [{ ...valid, metadata: { weight: -1 } }, 'weight'],
    [{ ...valid, metadata: { nested: { a: 1 } } }, 'metadata.nested'],
  ])('refuses a record with a bad %o, naming the field', (record, field) => {
    expect(() => parseInstance(record, 'etcd key /x')).toThrow(
      new RegExp(`etcd key /x: .*${field.replace('.', '\\.')}`),
    );
  });

  it('returns a frozen copy of a valid record', () => {
    const parsed = parseInstance({ ...valid, metadata: { zone: 'a', weight: 2, canary: true } }, 'test');
    expect(Object.isFrozen(parsed) && Object.isFrozen(parsed.metadata)).toBe(true);
    expect(parsed.metadata).toEqual({ zone: 'a', weight: 2, canary: true });
  });
});
