import { $RefParser, type FileInfo } from '@apidevtools/json-schema-ref-parser';
import { pathToFileURL } from 'node:url';
import { isInsideSpecFolder } from './ref-policy.js';
import { readText } from './spec-source.js';
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
  const external = firstExternalRef(document, []);
  if (external === undefined) return document;
  const sandbox = {
    order: 1,
    canRead: true,
    read: async (file: FileInfo): Promise<string> => {
      const target = toUrl(file.url);
      if (!options.allowExternalRefs && !(await isInsideSpecFolder(location, target))) {
        throw specError(
          `$ref to ${target.href} is outside the spec's folder; pass --allow-external-refs to allow it`,
          external,
        );
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
    if ((error as { code?: string }).code === 'VITAMIN_E_SPEC') throw error;
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code === 'VITAMIN_E_SPEC') throw cause;
    throw specError(`cannot resolve an external $ref: ${(error as Error).message}`, external, error);
  }
}

function toUrl(address: string): URL {
  if (/^[a-z][a-z0-9+.-]*:/i.test(address) && !/^[a-z]:[\\/]/i.test(address)) return new URL(address);
  return pathToFileURL(address);
}

/** The path of the first `$ref` that points outside the document, if any. */
function firstExternalRef(value: unknown, path: (string | number)[]): JsonPath | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const found = firstExternalRef(value[i], path);
      if (found !== undefined) return found;
      path.pop();
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) return [...path, key];
    path.push(key);
    const found = firstExternalRef(child, path);
    if (found !== undefined) return found;
    path.pop();
  }
  return undefined;
}
