/** One operation of a service's OpenAPI description. */
export interface CatalogOperation {
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly operationId: string;
  readonly isDeprecated: boolean;
}

/** An operation of a cluster, with which instances (and versions) serve it. */
export interface ClusterOperation extends CatalogOperation {
  /** The instances that serve it, each with the version it runs. */
  readonly servedBy: readonly { readonly instance: string; readonly version: string }[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const MAX_OPERATIONS = 2000;

/**
 * The operations of an OpenAPI document (3.x or Swagger 2.0 `paths`), as plain strings: a document
 * from an instance is data, never code, and anything not a string is left out.
 */
export function operationsOf(document: unknown): CatalogOperation[] {
  const paths = (document as { paths?: unknown } | undefined)?.paths;
  if (typeof paths !== 'object' || paths === null) return [];
  const operations: CatalogOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (typeof item !== 'object' || item === null) continue;
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as Record<string, unknown> | undefined;
      if (typeof operation !== 'object' || operation === null) continue;
      operations.push({
        method: method.toUpperCase(),
        path: path.slice(0, 1000),
        summary: typeof operation['summary'] === 'string' ? operation['summary'].slice(0, 500) : '',
        operationId: typeof operation['operationId'] === 'string' ? operation['operationId'].slice(0, 200) : '',
        isDeprecated: operation['deprecated'] === true,
      });
      if (operations.length >= MAX_OPERATIONS) return operations;
    }
  }
  return operations;
}

/** The version an OpenAPI document declares (`info.version`), if any. */
export function documentVersion(document: unknown): string | undefined {
  const version = (document as { info?: { version?: unknown } } | undefined)?.info?.version;
  return typeof version === 'string' ? version.slice(0, 100) : undefined;
}

/** Joins the operations of a cluster's instances: one entry per method and path, with who serves it. */
export function clusterCatalog(
  instances: readonly {
    readonly id: string;
    readonly version: string;
    readonly operations: readonly CatalogOperation[];
  }[],
): ClusterOperation[] {
  const byKey = new Map<string, { operation: CatalogOperation; servedBy: { instance: string; version: string }[] }>();
  for (const instance of instances) {
    for (const operation of instance.operations) {
      const key = `${operation.method} ${operation.path}`;
      let entry = byKey.get(key);
      if (entry === undefined) byKey.set(key, (entry = { operation, servedBy: [] }));
      entry.servedBy.push({ instance: instance.id, version: instance.version });
    }
  }
  return [...byKey.values()]
    .map(({ operation, servedBy }) => ({ ...operation, servedBy }))
    .sort((a, b) => (a.path === b.path ? (a.method < b.method ? -1 : 1) : a.path < b.path ? -1 : 1));
}
