import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATE_OPTIONS, defaultClassName } from './generate-client.js';

const docs = readFileSync(new URL('../../../../docs/codegen.md', import.meta.url), 'utf8');

describe('generate options', () => {
  it('documents every default in docs/codegen.md as the code has it', () => {
    const rows = [...docs.matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)];
    const documented = Object.fromEntries(rows.map(([, name, value]) => [name, value]));
    const defaults = Object.fromEntries(Object.entries(DEFAULT_GENERATE_OPTIONS).map(([k, v]) => [k, String(v)]));
    expect(documented).toEqual(defaults);
  });

  it.each([
    ['delivery-service', 'DeliveryServiceClient'],
    ['orders', 'OrdersClient'],
    ['1st service', 'Service1stServiceClient'],
    ['__proto__', 'ProtoClient'],
  ])('names the client of %s %s by default', (service, name) => {
    expect(defaultClassName(service)).toBe(name);
  });
});
