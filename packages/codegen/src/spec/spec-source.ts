import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { specError } from './spec-error.js';

/** Largest spec file or response read, in bytes: a guard against a hostile server or a wrong file. */
export const MAX_SPEC_BYTES = 64 * 1024 * 1024;

/** Where a spec is: `https://…`, `http://…`, or a file path (relative to `cwd`). */
export function specLocation(source: string, cwd = process.cwd()): URL {
  if (/^https?:\/\//i.test(source)) return new URL(source);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) && !source.startsWith('file:')) {
    throw specError(`'${source}' is neither a file nor an http(s) URL`);
  }
  if (source.startsWith('file:')) return new URL(source);
  return pathToFileURL(isAbsolute(source) ? source : resolve(cwd, source));
}

/** A URL as messages show it: without user name or password, which may be secrets. */
export function displayUrl(url: URL): string {
  if (url.username === '' && url.password === '') return url.href;
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  return shown.href;
}

/** Reads the text at `location` (a file or an http(s) URL). */
export async function readText(location: URL): Promise<string> {
  if (location.protocol === 'file:') {
    try {
      const bytes = await readFile(location);
      if (bytes.length > MAX_SPEC_BYTES) throw specError(`${location.pathname} is larger than ${MAX_SPEC_BYTES} bytes`);
      return bytes.toString('utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'VITAMIN_E_SPEC') throw error;
      throw specError(`cannot read ${location.pathname}: ${(error as Error).message}`, undefined, error);
    }
  }
  let response: Response;
  try {
    response = await fetch(location, { redirect: 'error', signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw specError(`cannot fetch ${displayUrl(location)}: ${(error as Error).message}`, undefined, error);
  }
  if (!response.ok) throw specError(`${displayUrl(location)} answered ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_SPEC_BYTES) throw specError(`${displayUrl(location)} is larger than ${MAX_SPEC_BYTES} bytes`);
  return text;
}

/** Parses a spec's text: JSON when it looks like JSON, YAML otherwise. */
export function parseSpecText(text: string, where: string): unknown {
  const trimmed = text.trimStart();
  try {
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return JSON.parse(trimmed) as unknown;
    return parseYaml(text, { maxAliasCount: 1000, uniqueKeys: true }) as unknown;
  } catch (error) {
    throw specError(`${where} is neither valid JSON nor valid YAML: ${(error as Error).message}`, undefined, error);
  }
}
