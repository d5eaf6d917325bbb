import { randomUUID } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INSTANCE_NAME, parseInstance, type Instance } from './instance.js';
import type { InstancesListener, Registry, RegistryErrorListener } from './registry.js';
import { pollWatch } from './poll-watch.js';
import {
  resolveFileRegistryOptions,
  type FileRegistryOptions,
  type ResolvedFileRegistryOptions,
} from './file-registry-options.js';

interface FileRecord {
  readonly instance: Instance;
  /** When the owner last wrote the record, in ms since the epoch. */
  readonly heartbeatAt: number;
}

/**
 * Several processes on one machine, no server: each registered instance writes
 * `<dir>/<service>/<id>.json` and rewrites it every heartbeat; readers ignore records whose
 * heartbeat is stale. Writes go to a temporary file renamed into place, so a reader never sees half
 * a record, whatever the number of concurrent writers.
 */
export class FileRegistry implements Registry {
  readonly kind = 'file';
  private readonly options: ResolvedFileRegistryOptions;
  private readonly own = new Map<string, Instance>();
  private readonly stops = new Set<() => void>();
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(options: FileRegistryOptions = {}) {
    this.options = resolveFileRegistryOptions(options);
  }

  async register(instance: Instance): Promise<void> {
    const checked = parseInstance(instance, `file registry register`);
    this.own.set(`${checked.service}/${checked.id}`, checked);
    await this.write(checked);
    this.heartbeat ??= setInterval(() => void this.beat(), this.options.heartbeatMs).unref();
  }

  async deregister(instance: Instance): Promise<void> {
    this.own.delete(`${instance.service}/${instance.id}`);
    if (this.own.size === 0 && this.heartbeat !== undefined) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
    await unlink(this.file(parseInstance(instance, 'file registry deregister'))).catch(ignoreMissing);
  }

  async instances(service: string): Promise<readonly Instance[]> {
    const folder = join(this.options.dir, parseInstance({ ...PROBE, service }, 'file registry').service);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const now = this.options.now();
    const records = await Promise.all(
      names.filter((name) => name.endsWith('.json')).map((name) => readRecord(join(folder, name))),
    );
    return records
      .filter((r): r is FileRecord => r !== undefined && now - r.heartbeatAt <= this.options.staleAfterMs)
      .map((r) => r.instance)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async services(): Promise<readonly string[]> {
    let folders: Dirent[];
    try {
      folders = await readdir(this.options.dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const names = folders
      .filter((entry) => entry.isDirectory() && INSTANCE_NAME.test(entry.name))
      .map((entry) => entry.name);
    const listed = await Promise.all(names.map(async (name) => ((await this.instances(name)).length > 0 ? name : '')));
    return listed.filter((name) => name !== '').sort();
  }

  watch(service: string, onChange: InstancesListener, onError?: RegistryErrorListener): () => void {
    return pollWatch(() => this.instances(service), this.options.pollMs, this.stops, onChange, onError);
  }

  async close(): Promise<void> {
    for (const stop of [...this.stops]) stop();
    await Promise.all([...this.own.values()].map((instance) => this.deregister(instance)));
  }

  private async beat(): Promise<void> {
    await Promise.all([...this.own.values()].map((instance) => this.write(instance).catch(() => undefined)));
  }

  private file(instance: Instance): string {
    return join(this.options.dir, instance.service, `${instance.id}.json`);
  }

  private async write(instance: Instance): Promise<void> {
    const target = this.file(instance);
    await mkdir(join(this.options.dir, instance.service), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomUUID()}.tmp`;
    const record: FileRecord = { instance, heartbeatAt: this.options.now() };
    await writeFile(temporary, JSON.stringify(record), { mode: 0o600 });
    await rename(temporary, target);
  }
}

/** A syntactically valid record used to check a service name before it becomes a folder name. */
const PROBE = { id: 'probe', host: 'localhost', port: 1, secure: false, status: 'UP', metadata: {} };

async function readRecord(path: string): Promise<FileRecord | undefined> {
  try {
    const raw = JSON.parse(await readFile(path, 'utf8')) as { instance?: unknown; heartbeatAt?: unknown };
    if (typeof raw.heartbeatAt !== 'number') return undefined;
    return { instance: parseInstance(raw.instance, path), heartbeatAt: raw.heartbeatAt };
  } catch {
    // Deleted between readdir and read, or not a record: either way, not an instance.
    return undefined;
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
