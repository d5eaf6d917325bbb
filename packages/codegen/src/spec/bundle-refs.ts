import { $RefParser, type FileInfo } from '@apidevtools/json-schema-ref-parser';
import { pathToFileURL } from 'node:url';
import { isInsideSpecFolder } from './ref-policy.js';
import { displayUrl, readText } from './spec-source.js';
import { specError, type JsonPath } from './spec-error.js';

/** Options of {@link bundleRefs}. */
export interface BundleOptions {
  /** Lets `$ref` read files and URLs outside the spec's own folder. @defaultValue `false` */
  allowExternalRefs?: boolean;
}

/**
 * Brings every external `$ref` (another file or URL) into the document, so that the rest of the
 * generator sees one document whose `$ref`s are all internal. A `$ref` outside the spec's own folder
 * or URL is refused unless allowed. A document without external refs is returned as it is.
 */
export async function bundleRefs(document: unknown, location: URL, options: BundleOptions = {}): Promise<unknown> {
  const external: [string, JsonPath][] = [];
  collectExternalRefs(document, [], external);
  if (external.length === 0) return document;
  /** The pointer of the root document's `$ref` that leads to `target`, for messages. */
  const pointerOf = (target: URL): JsonPath => {
    const file = target.href.replace(/#.*$/, '');
    return (external.find(([ref]) => new URL(ref, location).href.replace(/#.*$/, '') === file) ?? external[0]!)[1];
  };
  let refused: Error | undefined;
  const sandbox = {
    order: 1,
    canRead: true,
    read: async (file: FileInfo): Promise<string> => {
      const target = toUrl(file.url);
      if (!options.allowExternalRefs && !(await isInsideSpecFolder(location, target))) {
        refused = specError(
          `$ref to ${displayUrl(target)} is outside the spec's folder; pass --allow-external-refs to allow it`,
          pointerOf(target),
        );
        throw refused;
      }
      return readText(target);
    },
  };
  try {
    return await new $RefParser().bundle(location.href, document as object, {
      resolve: { file: false, http: false, external: true, sandbox } as never,
      dereference: { circular: true },
    });
  } catch (error) {
    if (refused !== undefined) throw refused;
    if ((error as { code?: string }).code === 'VITAMIN_E_SPEC') throw error;
    throw specError(`cannot resolve an external $ref: ${(error as Error).message}`, external[0]![1], error);
  }
}

function toUrl(address: string): URL {
  if (/^[a-z][a-z0-9+.-]*:/i.test(address) && !/^[a-z]:[\\/]/i.test(address)) return new URL(address);
  return pathToFileURL(address);
}

/** Every `$ref` of the document that points outside it, with where it is. */
function collectExternalRefs(value: unknown, path: (string | number)[], found: [string, JsonPath][]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      collectExternalRefs(value[i], path, found);
      path.pop();
    }
    return;
  }
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) found.push([child, [...path, key]]);
    else if (typeof child === 'object' && child !== null) {
      path.push(key);
      collectExternalRefs(child, path, found);
      path.pop();
    }
  }
}
