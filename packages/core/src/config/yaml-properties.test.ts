import { describe, expect, it } from 'vitest';
import { parseYamlProperties } from './yaml-properties.js';

describe('YAML properties', () => {
  it('flattens nested maps and dotted keys; lists stay values', () => {
    const { values } = parseYamlProperties(
      'order:\n  maxItems: 5\n  tags: [a, b]\nvitamin.client.timeoutMs: 100\n',
      'f.yaml',
    );
    expect(Object.fromEntries(values)).toEqual({
      'order.maxItems': 5,
      'order.tags': ['a', 'b'],
      'vitamin.client.timeoutMs': 100,
    });
  });

  it.each([
    ['order:\n  maxItems: [1, 2\n', 'config/application.yaml:3:1'],
    ['a: 1\nb:\n  c: 1\n   d: 2\n', 'config/application.yaml:3:6'],
    ['a: 1\na: 2\n', 'config/application.yaml:2:1'],
  ])('names file, line and column of malformed YAML (%#)', (text, where) => {
    expect(() => parseYamlProperties(text, 'config/application.yaml')).toThrow(where);
    try {
      parseYamlProperties(text, 'config/application.yaml');
    } catch (error) {
      expect((error as { code: string }).code).toBe('VITAMIN_E_CONFIG_PARSE');
      expect((error as Error).message).toMatch(/invalid YAML: \S/);
    }
  });

  it('refuses a top level that is not a map', () => {
    expect(() => parseYamlProperties('- a\n- b\n', 'x.yaml')).toThrow(
      'x.yaml:1:1: invalid properties: the top level must be a map',
    );
  });

  it('never lets __proto__ reach a prototype, and refuses unsafe keys', () => {
    expect(() => parseYamlProperties('__proto__:\n  polluted: 1\n', 'x.yaml')).toThrow(
      "property key '__proto__' is not allowed",
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(parseYamlProperties("'a%2Fb': 1\nok: 2\n", 'x.yaml').refused.map((r) => r.key)).toEqual(['a%2Fb']);
  });
});
