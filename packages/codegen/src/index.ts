// command line
export { createCli } from './cli.js';

// generate
export {
  DEFAULT_GENERATE_OPTIONS,
  defaultClassName,
  generateClient,
  generateFromDocument,
} from './generate/generate-client.js';
export type { GenerateOptions, GeneratedFiles } from './generate/generate-client.js';
export { writeGenerated, staleFiles } from './generate/output-folder.js';
export { typeCheckGenerated, GENERATED_CODE_COMPILER_OPTIONS } from './generate/type-check.js';
export { StaleOutputError } from './generate/generate-command.js';

// registry
export { configFileLocator, fixedLocator, openApiUrl } from './registry/service-locator.js';
export type { ServiceLocator } from './registry/service-locator.js';

// openapi
export { loadEntryApp } from './openapi/load-entry.js';
export type { LoadedApp } from './openapi/load-entry.js';

// scaffold
export { DEFAULT_SERVICE_PORT, scaffoldService } from './scaffold/scaffold-service.js';
export type { ScaffoldOptions, ScaffoldResult } from './scaffold/scaffold-service.js';
