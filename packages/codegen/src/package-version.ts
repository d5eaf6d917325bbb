import { createRequire } from 'node:module';

/**
 * The version of this package (from its package.json, next to src/ and dist/ alike): what
 * `vitamin --version` prints and which @vitamin/core version new projects depend on.
 */
export const PACKAGE_VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
