import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { VitaminError } from '../errors/vitamin-error.js';

/** Where an instance is in its life: only `UP` instances receive calls. */
export type InstanceStatus = 'STARTING' | 'UP' | 'DOWN' | 'OUT_OF_SERVICE';

/** Every status, in the order of an instance's life. */
export const INSTANCE_STATUSES: readonly InstanceStatus[] = Object.freeze(['STARTING', 'UP', 'DOWN', 'OUT_OF_SERVICE']);

/**
 * What an instance says about itself. `weight` drives the weighted rule, `zone` zone affinity,
 * `version` (later) canary routing; any other key is the user's.
 */
export interface InstanceMetadata {
  readonly version?: string;
  readonly zone?: string;
  /** Relative share of traffic under the weighted rule. @defaultValue `1` */
  readonly weight?: number;
  /** Path prefix of the instance's API (`/v2`), `''` for none. */
  readonly basePath?: string;
  readonly [key: string]: string | number | boolean | undefined;
}

/** One running instance of a service, as a registry stores it. */
export interface Instance {
  /** Unique within its service. */
  readonly id: string;
  readonly service: string;
  readonly host: string;
  readonly port: number;
  /** `https` when true. */
  readonly secure: boolean;
  readonly status: InstanceStatus;
  readonly metadata: InstanceMetadata;
}

/** What a service name or instance id may be (also a file-registry folder name). */
export const INSTANCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const HOST = /^[A-Za-z0-9.:_[\]-]{1,255}$/;

const record = z.object({
  id: z.string().regex(INSTANCE_NAME),
  service: z.string().regex(INSTANCE_NAME),
  host: z.string().regex(HOST),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  status: z.enum(['STARTING', 'UP', 'DOWN', 'OUT_OF_SERVICE']),
  metadata: z.record(z.string().max(128), z.union([z.string().max(1024), z.number(), z.boolean()])),
});

/**
 * Checks an instance record that came from outside (a file, etcd, a caller) and returns a frozen
 * copy. Names and hosts are restricted to safe characters, so a record can never smuggle a path
 * segment or a URL into a file name, a key or an origin.
 * @throws VitaminError `VITAMIN_E_REGISTRY_RECORD` naming `where` and the first bad field
 */
export function parseInstance(value: unknown, where: string): Instance {
  const parsed = record.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(record)';
    throw new VitaminError(
      'VITAMIN_E_REGISTRY_RECORD',
      `${where}: invalid instance record, field '${field}': ${issue.message}`,
    );
  }
  const metadata = parsed.data.metadata;
  if (metadata['weight'] !== undefined && !(typeof metadata['weight'] === 'number' && metadata['weight'] >= 0)) {
    throw new VitaminError('VITAMIN_E_REGISTRY_RECORD', `${where}: metadata.weight must be a number ≥ 0`);
  }
  return Object.freeze({ ...parsed.data, metadata: Object.freeze({ ...metadata }) });
}

/** Options of {@link instanceFromUrl}. */
export interface InstanceFromUrlOptions {
  /** @defaultValue `host:port` */
  id?: string;
  /** @defaultValue `'UP'` */
  status?: InstanceStatus;
  metadata?: InstanceMetadata;
}

/**
 * An instance record for `http(s)://host:port[/prefix]`; a path prefix goes to `metadata.basePath`.
 * @throws VitaminError `VITAMIN_E_CONFIG` naming `source` when the URL is not a plain http(s) URL
 */
export function instanceFromUrl(
  service: string,
  url: string,
  source: string,
  options: InstanceFromUrlOptions = {},
): Instance {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VitaminError('VITAMIN_E_CONFIG', `${source}: '${url}' is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new VitaminError('VITAMIN_E_CONFIG', `${source}: '${parsed.protocol}' is not http: or https:`);
  }
  if (parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '') {
    throw new VitaminError('VITAMIN_E_CONFIG', `${source}: an instance URL has no credentials, query or fragment`);
  }
  const secure = parsed.protocol === 'https:';
  const port = parsed.port === '' ? (secure ? 443 : 80) : Number(parsed.port);
  const host = parsed.hostname;
  const basePath = parsed.pathname.replace(/\/+$/, '');
  const metadata = basePath === '' ? { ...options.metadata } : { ...options.metadata, basePath };
  return parseInstance(
    {
      id: options.id ?? `${host.replace(/[^A-Za-z0-9.-]/g, '_').replace(/^[^A-Za-z0-9]/, 'x')}-${port}`,
      service,
      host,
      port,
      secure,
      status: options.status ?? 'UP',
      metadata,
    },
    source,
  );
}

/** `http(s)://host:port` of an instance: what the transport pools connections by. */
export function instanceOrigin(instance: Instance): string {
  const host = instance.host.includes(':') && !instance.host.startsWith('[') ? `[${instance.host}]` : instance.host;
  return `${instance.secure ? 'https' : 'http'}://${host}:${instance.port}`;
}

/** A fresh instance id: `<service>-<8 random hex>`. */
export function newInstanceId(service: string): string {
  return `${service}-${randomUUID().slice(0, 8)}`;
}
