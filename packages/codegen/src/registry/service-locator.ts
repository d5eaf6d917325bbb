import { readFile } from 'node:fs/promises';
import { InMemoryConfig, OPENAPI_PATH, VitaminError, type Properties } from '@vitamin/core';
import { parse as parseYaml } from 'yaml';

/**
 * Finds where a live instance of a service answers. Today it reads the app configuration
 * (`vitamin.services.<name>.url`); a registry-backed locator (discovery) implements the same
 * function, and `vitamin generate --from-registry` does not change.
 */
export type ServiceLocator = (service: string) => Promise<URL>;

/** A locator reading `vitamin.services.<name>.url` from a YAML or JSON config file. */
export function configFileLocator(file: string): ServiceLocator {
  return async (service) => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new VitaminError('VITAMIN_E_CONFIG', `cannot read config file ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    let properties: unknown;
    try {
      properties = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    } catch (error) {
      throw new VitaminError('VITAMIN_E_CONFIG', `${file} is not valid YAML or JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const key = `vitamin.services.${service}.url`;
    const url = new InMemoryConfig((properties ?? {}) as Properties).get<string>(key);
    if (typeof url !== 'string') throw new VitaminError('VITAMIN_E_CONFIG', `${file} has no ${key}`);
    return parseServiceUrl(url, key);
  };
}

/** A locator that always answers `url` (the `--url` option). */
export function fixedLocator(url: string): ServiceLocator {
  return () => Promise.resolve(parseServiceUrl(url, '--url'));
}

/** Where a service instance serves its OpenAPI description. */
export function openApiUrl(instance: URL): URL {
  const base = instance.href.endsWith('/') ? instance.href : `${instance.href}/`;
  return new URL(OPENAPI_PATH.slice(1), base);
}

function parseServiceUrl(url: string, where: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VitaminError('VITAMIN_E_CONFIG', `${where}: '${url}' is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new VitaminError('VITAMIN_E_CONFIG', `${where}: '${url}' is not an http(s) URL`);
  }
  return parsed;
}
