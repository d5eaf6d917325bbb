import { describe, expect, it } from 'vitest';
import { decodeFully, keyProblem, segmentProblem } from './property-key.js';
import { parseEtcdConfigKey } from './etcd-keys.js';

describe('property keys', () => {
  it('accepts ordinary dotted keys with dashes and inner underscores', () => {
    for (const key of ['order.maxItems', 'vitamin.services.order-service.url', 'a.b_c.d-e', 'x1']) {
      expect(keyProblem(key)).toBeUndefined();
    }
  });

  it.each([
    ['a..b', 'empty'],
    ['..', 'empty'],
    ['a.__proto__.b', 'not allowed'],
    ['constructor.x', 'not allowed'],
    ['a.prototype', 'not allowed'],
    ['a/b', 'only letters'],
    ['a.%2F', 'percent-encoded'],
    ['a.%252F', 'percent-encoded'],
    ['a.%25252e%25252e', "decodes to '..'"],
    ['a.%252525252F', 'encoded more than once'],
    ['a.%E0%A4%A', 'malformed'],
    ['a b', 'only letters'],
    ['a.__x', 'only letters'],
    ['a.b__c', 'only letters'],
  ])('refuses %s (%s)', (key, reason) => {
    expect(keyProblem(key)).toContain(reason);
  });

  it('decodes double and triple encoding before checking, so %252F is seen as /', () => {
    expect(decodeFully('%252F')).toBe('/');
    expect(decodeFully('%25252F')).toBe('/');
    expect(segmentProblem('%2e%2e')).toContain("decodes to '..'");
  });
});

describe('store keys', () => {
  const scope = { service: 'order-service', instance: 'i-1' };

  it('reads the global, service and instance levels, and ignores other services and instances', () => {
    expect(parseEtcdConfigKey('/vitamin/config/application/a.b', scope)).toEqual({
      kind: 'property',
      level: 'global',
      key: 'a.b',
    });
    expect(parseEtcdConfigKey('/vitamin/config/order-service/a.b', scope)).toMatchObject({ level: 'service' });
    expect(parseEtcdConfigKey('/vitamin/config/order-service/i-1/a.b', scope)).toMatchObject({ level: 'instance' });
    expect(parseEtcdConfigKey('/vitamin/config/order-service/i-2/a.b', scope)).toEqual({ kind: 'ignore' });
    expect(parseEtcdConfigKey('/vitamin/config/delivery/a.b', scope)).toEqual({ kind: 'ignore' });
  });

  it.each([
    '/vitamin/config/order-service/../a',
    '/vitamin/config/order-service/%2e%2e/a.b',
    '/vitamin/config/order-service/%252F/a.b',
    '/vitamin/config/order-service/a.__proto__.polluted',
    '/vitamin/config/application/constructor.prototype.x',
    '/vitamin/config/order-service/i-1/x/a.b',
    '/vitamin/config/application/i-1/a.b',
  ])('refuses the traversal or pollution attempt %s', (path) => {
    expect(parseEtcdConfigKey(path, scope).kind).toBe('refused');
  });
});
