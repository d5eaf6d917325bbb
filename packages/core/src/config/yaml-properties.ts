import { parseDocument } from 'yaml';
import { VitaminError } from '../errors/vitamin-error.js';
import { flattenProperties } from './flatten.js';
import { keyProblem } from './property-key.js';

/** A key a source refused, and why. */
export interface RefusedKey {
  readonly key: string;
  readonly reason: string;
}

/** Properties read from one YAML file: the valid ones by dotted key, and the keys refused. */
export interface YamlProperties {
  readonly values: Map<string, unknown>;
  readonly refused: readonly RefusedKey[];
}

/**
 * Parses a YAML properties file (nested maps or dotted keys) into dotted keys.
 * @throws VitaminError `VITAMIN_E_CONFIG_PARSE` naming `file:line:column` and the reason when the
 *   text is not valid YAML or its top level is not a map
 */
export function parseYamlProperties(text: string, file: string): YamlProperties {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const error = document.errors[0];
  if (error !== undefined) {
    const at = error.linePos?.[0];
    const where = at === undefined ? file : `${file}:${at.line}:${at.col}`;
    throw new VitaminError('VITAMIN_E_CONFIG_PARSE', `${where}: invalid YAML: ${firstLine(error.message)}`);
  }
  const content: unknown = document.toJS({ maxAliasCount: 100 });
  if (content === null || content === undefined) return { values: new Map(), refused: [] };
  if (typeof content !== 'object' || Array.isArray(content)) {
    throw new VitaminError('VITAMIN_E_CONFIG_PARSE', `${file}:1:1: invalid properties: the top level must be a map`);
  }
  return checkKeys(flattenProperties(content as Record<string, unknown>, file));
}

/** Splits flattened properties into those with valid keys and the refused ones. */
export function checkKeys(flat: Map<string, unknown>): YamlProperties {
  const refused: RefusedKey[] = [];
  for (const key of [...flat.keys()]) {
    const reason = keyProblem(key);
    if (reason === undefined) continue;
    flat.delete(key);
    refused.push({ key, reason });
  }
  return { values: flat, refused };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
