import { describe, expect, it } from 'vitest';
import { projectNames } from './project-name.js';

describe('projectNames', () => {
  it.each([
    ['order-service', 'order-service'],
    ['@acme/order-service', 'order-service'],
    ['svc2', 'svc2'],
    ['a'.repeat(63), 'a'.repeat(63)],
  ])('takes %s as service %s', (name, serviceName) => {
    expect(projectNames(name)).toEqual({ packageName: name, serviceName });
  });

  it.each([
    ['Order', /not a valid npm package name: name can no longer contain capital letters/],
    ['', /not a valid npm package name: name length must be greater than zero/],
    ['.hidden', /not a valid npm package name: name cannot start with a period/],
    ['my service', /not a valid npm package name: name can only contain URL-friendly characters/],
    ['http', /not a valid npm package name: http is a core module name/],
    ['node_modules', /not a valid npm package name/],
    ['order.service', /the service name 'order\.service' must be 1 to 63 lowercase letters/],
    ['order_service', /the service name 'order_service' must be/],
    ['@acme/9lives', /the service name '9lives' must be/],
    ['order-', /the service name 'order-' must be/],
    ['a'.repeat(64), /the service name 'a{64}' must be/],
    ['a"b', /not a valid npm package name/],
    ["x';process.exit(1);'", /not a valid npm package name/],
    ['a\nb', /'a\\nb' is not a valid npm package name/],
  ])('refuses %j, saying why', (name, message) => {
    expect(() => projectNames(name)).toThrow(message);
  });
});
