/**
 * Parses a query string into an object without a prototype, so keys like `__proto__` are plain
 * keys. A repeated key gives an array of its values in order.
 */
export function parseQuery(query: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = Object.create(null);
  if (query === '') return result;
  for (const [key, value] of new URLSearchParams(query)) {
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else result[key] = [existing, value];
  }
  return result;
}
