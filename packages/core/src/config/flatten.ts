import { VitaminError } from '../errors/vitamin-error.js';

const UNSAFE_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Flattens nested properties into dotted keys: `{ vitamin: { services: { a: { url } } } }` →
 * `vitamin.services.a.url`. Arrays are values, not branches. Keys that could reach an object's
 * prototype are refused, naming the key.
 */
export function flattenProperties(nested: Readonly<Record<string, unknown>>, source: string): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  const visit = (value: unknown, prefix: string): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of Object.keys(value)) {
        if (UNSAFE_SEGMENTS.has(key)) {
          throw new VitaminError('VITAMIN_E_CONFIG', `${source}: property key '${prefix}${key}' is not allowed`);
        }
        visit((value as Record<string, unknown>)[key], `${prefix}${key}.`);
      }
    } else if (prefix !== '') {
      flat.set(prefix.slice(0, -1), value);
    }
  };
  visit(nested, '');
  return flat;
}
