/**
 * Joins a controller prefix and a route path into one router path with `:name` parameters,
 * accepting OpenAPI-style `{name}` too: `('/orders', '{id}')` → `/orders/:id`.
 */
export function routerPath(prefix: string, path: string): string {
  const joined = [prefix, path]
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/^\{([^}]+)\}$/, ':$1'))
    .join('/');
  return `/${joined}`;
}
