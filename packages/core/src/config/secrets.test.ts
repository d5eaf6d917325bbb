import { describe, expect, it } from 'vitest';
import { isSecretKey, MASK, maskValue } from './secrets.js';

describe('secret masking', () => {
  it.each([
    'db.password',
    'apiKey',
    'api-key',
    'AUTH_TOKEN',
    'oauth.client-secret',
    'aws.credentials',
    'tls.privateKey',
  ])('treats %s as secret', (key) => {
    expect(isSecretKey(key)).toBe(true);
    expect(maskValue(key, 'hunter2')).toBe(MASK);
  });

  it.each(['vitamin.server.keepAliveTimeoutMs', 'order.maxItems', 'monkey.business', 'tokenizer.mode'])(
    'shows %s as it is',
    (key) => {
      expect(isSecretKey(key)).toBe(false);
      expect(maskValue(key, 'visible')).toBe('visible');
    },
  );

  it('masks the password of a URL under any key', () => {
    expect(maskValue('vitamin.services.a.url', 'https://user:s3cret@host:8443/x')).toBe(
      `https://user:${MASK}@host:8443/x`,
    );
    expect(maskValue('vitamin.services.a.url', 'https://host/x?a=b')).toBe('https://host/x?a=b');
  });
});

describe('masking', () => {
  it.each([
    ['db.password', true],
    ['payments.apiKey', true],
    ['AUTH_TOKEN', true],
    ['oauth.client-secret', true],
    ['aws.credentials', true],
    ['vitamin.actuator.token', true],
    ['vitamin.server.keepAliveTimeoutMs', false],
    ['monkey.name', false],
    ['feature.tokenizer', false],
  ])('treats %s as secret: %s', (key, secret) => {
    expect(isSecretKey(key)).toBe(secret);
  });

  it('masks URL passwords in any value, and whole values under secret keys, deep inside objects', () => {
    expect(maskValue('db.url', 'postgres://app:hunter2@db:5432/x')).toBe(`postgres://app:${MASK}@db:5432/x`);
    expect(maskValue('urls', ['amqp://guest:guest@mq', 'http://plain/'])).toEqual([
      `amqp://guest:${MASK}@mq`,
      'http://plain/',
    ]);
    expect(maskValue('db', { password: 'x', host: 'h' })).toEqual({ password: MASK, host: 'h' });
    expect(maskValue('db.password', 42)).toBe(MASK);
    expect(maskValue('count', 3)).toBe(3);
  });
});
