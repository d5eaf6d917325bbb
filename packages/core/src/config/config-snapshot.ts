import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import sjson from 'secure-json-parse';
import type { ConfigLevel } from './etcd-keys.js';
import { keyProblem } from './property-key.js';

/** The config store's values for one service instance, as last seen, kept in a local file. */
export interface ConfigSnapshot {
  readonly revision: string;
  /** When it was written, in ms since the epoch. */
  readonly savedAt: number;
  readonly levels: Readonly<Record<ConfigLevel, ReadonlyMap<string, unknown>>>;
}

/**
 * Writes the snapshot atomically (a temporary file renamed over the old one), readable by the
 * owner only: it holds the store's values unmasked, secrets included.
 */
export function writeSnapshot(file: string, snapshot: ConfigSnapshot): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const levels = Object.fromEntries(
    Object.entries(snapshot.levels).map(([level, values]) => [level, Object.fromEntries(values)]),
  );
  const text = JSON.stringify({ version: 1, revision: snapshot.revision, savedAt: snapshot.savedAt, levels });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, file);
}

/**
 * Reads a snapshot; `undefined` when there is none. Keys are checked again, as from any source.
 * @throws Error naming the file when it exists but is not a snapshot
 */
export function readSnapshot(file: string): ConfigSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }) as {
    version?: unknown;
    revision?: unknown;
    savedAt?: unknown;
    levels?: Record<string, Record<string, unknown>>;
  };
  if (parsed?.version !== 1 || typeof parsed.levels !== 'object' || parsed.levels === null) {
    throw new Error(`${file} is not a vitamin configuration snapshot`);
  }
  const level = (name: ConfigLevel): Map<string, unknown> =>
    new Map(Object.entries(parsed.levels?.[name] ?? {}).filter(([key]) => keyProblem(key) === undefined));
  return {
    revision: String(parsed.revision),
    savedAt: Number(parsed.savedAt),
    levels: { global: level('global'), service: level('service'), instance: level('instance') },
  };
}
