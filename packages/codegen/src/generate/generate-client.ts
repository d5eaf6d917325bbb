import { VitaminError } from '@vitamin/core';
import { clientFile } from '../emit/client-file.js';
import { isPlainIdentifier, upperFirst, camelCase } from '../emit/identifiers.js';
import { typesFile } from '../emit/types-file.js';
import { bundleRefs } from '../spec/bundle-refs.js';
import { normalizeDiscriminatorMappings } from '../spec/discriminator-mapping.js';
import { readOperations } from '../spec/operations.js';
import { parseSpecText, readText, specLocation } from '../spec/spec-source.js';
import { toOpenApi3 } from '../spec/to-openapi3.js';

/** Options of {@link generateClient}. */
export interface GenerateOptions {
  /** The spec: a file path (YAML or JSON) or an http(s) URL. */
  spec: string;
  /** The registry name of the provider, written in `@Provider({ service })`. */
  service: string;
  /**
   * The client class name.
   * @defaultValue the service name in PascalCase, ending in `Client` (`delivery-service` → `DeliveryServiceClient`)
   */
  name?: string;
  /**
   * Lets `$ref` read files or URLs outside the spec's own folder.
   * @defaultValue `false`
   */
  allowExternalRefs?: boolean;
  /** Folder that relative spec paths start from. @defaultValue `process.cwd()` */
  cwd?: string;
}

/** Defaults of {@link GenerateOptions} that do not depend on the other options. */
export const DEFAULT_GENERATE_OPTIONS: Readonly<Required<Pick<GenerateOptions, 'allowExternalRefs'>>> = Object.freeze({
  allowExternalRefs: false,
});

/** The files `vitamin generate` writes, by file name, in the order they are written. */
export interface GeneratedFiles {
  readonly 'types.ts': string;
  readonly 'client.ts': string;
}

/**
 * Generates `types.ts` (openapi-typescript) and `client.ts` (a provider client class) from a spec,
 * entirely in memory: nothing is written, so a spec that fails anywhere leaves no partial output.
 *
 * @throws VitaminError `VITAMIN_E_SPEC` with the JSON pointer of the problem
 */
export async function generateClient(options: GenerateOptions): Promise<GeneratedFiles> {
  const location = specLocation(options.spec, options.cwd);
  const document = parseSpecText(await readText(location), options.spec);
  return generateFromDocument(document, location, options);
}

/** {@link generateClient} for a document already read and parsed; `location` resolves its external refs. */
export async function generateFromDocument(
  document: unknown,
  location: URL,
  options: Omit<GenerateOptions, 'spec'>,
): Promise<GeneratedFiles> {
  const className = options.name ?? defaultClassName(options.service);
  if (!isPlainIdentifier(className)) {
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      `--name '${className}' is not a valid class name (letters, digits, _ and $)`,
    );
  }
  if (options.service.trim() === '') throw new VitaminError('VITAMIN_E_CONFIG', '--service must not be empty');
  const bundled = await bundleRefs(document, location, {
    allowExternalRefs: options.allowExternalRefs ?? DEFAULT_GENERATE_OPTIONS.allowExternalRefs,
  });
  const spec = await toOpenApi3(bundled);
  const operations = readOperations(spec);
  normalizeDiscriminatorMappings(spec);
  const info = (typeof spec.info === 'object' && spec.info !== null ? spec.info : {}) as Record<string, unknown>;
  const client = clientFile(operations, {
    className,
    service: options.service,
    title: typeof info.title === 'string' ? info.title : undefined,
    description: typeof info.description === 'string' ? info.description : undefined,
  });
  const types = await typesFile(spec);
  return { 'types.ts': types, 'client.ts': client };
}

/** `delivery-service` → `DeliveryServiceClient`. */
export function defaultClassName(service: string): string {
  const base = upperFirst(camelCase(service));
  return `${/^[A-Za-z]/.test(base) ? base : `Service${base}`}Client`;
}
