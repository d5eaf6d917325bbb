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
