import { hostname } from 'node:os';
import type { Config } from '../config/config.js';
import type { Logger } from '../logging/logger.js';
import { newInstanceId, parseInstance, type Instance, type InstanceStatus } from './instance.js';
import type { Registry } from './registry.js';

/** Where the app's server listens. */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
  readonly secure?: boolean;
}

/**
 * The record of this process: id, advertised host and metadata from `vitamin.instance.*`
 * (`id`, `host`, `zone`, `version`, `weight`, `metadata.<key>`). A wildcard listen address
 * advertises the machine's host name.
 */
export function ownInstance(service: string, config: Config, address: ListenAddress, status: InstanceStatus): Instance {
  const listenHost = address.host === '0.0.0.0' || address.host === '::' ? hostname() : address.host;
  const metadata: Record<string, unknown> = {};
  for (const key of config.keys()) {
    if (key.startsWith('vitamin.instance.metadata.'))
      metadata[key.slice('vitamin.instance.metadata.'.length)] = config.get(key);
  }
  for (const field of ['zone', 'version', 'weight'] as const) {
    const value = config.get(`vitamin.instance.${field}`);
    if (value !== undefined) metadata[field] = field === 'weight' ? Number(value) : value;
  }
  return parseInstance(
    {
      id: config.get<string>('vitamin.instance.id') ?? newInstanceId(service),
      service,
      host: config.get<string>('vitamin.instance.host') ?? listenHost,
      port: address.port,
      secure: address.secure ?? false,
      status,
      metadata,
    },
    'vitamin.instance',
  );
}

/**
 * Registers the app: `STARTING` as soon as its address is known, `UP` once it serves, and
 * removed on shutdown before the server stops, so clients stop choosing it first.
 */
export class SelfRegistration {
  private instance: Instance | undefined;

  constructor(
    private readonly registry: Registry,
    private readonly service: string,
    private readonly config: Config,
    private readonly logger?: Logger,
  ) {}

  /** The registered record, while registered. */
  get current(): Instance | undefined {
    return this.instance;
  }

  /**
   * Registers as `STARTING`. A registry that cannot be reached is logged, not thrown: the app
   * serves anyway, and registries that keep what they were asked (etcd re-grants its lease, the
   * file registry rewrites on each heartbeat) complete the registration when they can.
   */
  async starting(address: ListenAddress): Promise<Instance> {
    this.instance = ownInstance(this.service, this.config, address, 'STARTING');
    await this.put(this.instance);
    return this.instance;
  }

  /** Marks the registered record `UP`. */
  async up(): Promise<void> {
    if (this.instance === undefined) return;
    this.instance = { ...this.instance, status: 'UP' };
    if (await this.put(this.instance)) {
      this.logger?.info({ instance: this.instance.id, registry: this.registry.kind }, `${this.service} registered UP`);
    }
  }

  private async put(instance: Instance): Promise<boolean> {
    try {
      await this.registry.register(instance);
      return true;
    } catch (error) {
      this.logger?.error(
        { instance: instance.id, status: instance.status, registry: this.registry.kind, err: (error as Error).message },
        'registration failed; serving anyway',
      );
      return false;
    }
  }

  /** Removes the record; failures are logged, never thrown, so shutdown goes on. */
  async deregister(): Promise<void> {
    const instance = this.instance;
    this.instance = undefined;
    if (instance === undefined) return;
    try {
      await this.registry.deregister(instance);
    } catch (error) {
      this.logger?.warn({ instance: instance.id, err: (error as Error).message }, 'deregistration failed');
    }
  }
}
