import { describe, expect, it } from 'vitest';
import { SAFE_VALUE, servicePort, serviceTemplateValues } from './template-values.js';

describe('servicePort', () => {
  it.each([
    ['8080', 8080],
    [1024, 1024],
    ['65535', 65535],
  ])('takes %j', (port, want) => {
    expect(servicePort(port)).toBe(want);
  });

  it.each(['80', '0', '65536', '8080.5', '8e3', ' 8080', 'http', '', '-1'])('refuses %j, naming the range', (port) => {
    expect(() => servicePort(port)).toThrow(`--port ${JSON.stringify(port)} must be an integer from 1024 to 65535`);
  });
});

describe('serviceTemplateValues', () => {
  it('fills every placeholder of the service template with a safe value', () => {
    const values = serviceTemplateValues({ packageName: '@acme/orders', serviceName: 'orders' }, 9000, '^0.1.0');
    expect(values).toEqual({
      __PACKAGE_NAME__: '@acme/orders',
      __SERVICE_NAME__: 'orders',
      __PORT__: '9000',
      __VITAMIN_VERSION__: '^0.1.0',
    });
    for (const value of Object.values(values)) expect(value).toMatch(SAFE_VALUE);
  });
});
