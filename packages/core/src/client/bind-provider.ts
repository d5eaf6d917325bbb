import { VitaminError } from '../errors/vitamin-error.js';
import { defaultCommandRegistry } from '../resilience/command-function.js';
import type { CommandRegistry } from '../resilience/command-registry.js';
import { getMetadata, PROVIDER, ROUTES, type RouteMetadata } from '../metadata/index.js';
import type { InstanceChooser } from '../balancing/instance-chooser.js';
import { LoadBalancer } from '../balancing/load-balancer.js';
import { instanceFromUrl } from '../discovery/instance.js';
import type { ClientTracing } from './client-tracing.js';
import { DEFAULT_CLIENT_TIMEOUT_MS } from './client-options.js';
import { compileOperation, type OperationPlan } from './operation-plan.js';
import { OPERATION_PLANS, type ProviderClient } from './provider-client.js';
import type { Transport } from './transport.js';

/** What binding a provider client needs from its app (or from {@link createClient}). */
export interface ProviderBinding {
  readonly transport: Transport;
  /** Chooses the instance of each attempt: the app's load balancer of the provider's service. */
  readonly chooser: InstanceChooser;
  readonly timeoutMs: number;
  /** Where the client's commands live (their options, state and metrics). */
  readonly commands: CommandRegistry;
  /** Client spans and trace headers; none when absent. */
  readonly tracing?: ClientTracing | undefined;
}

/** The registry name a provider client class calls; throws when the class has no `@Provider`. */
export function providerService(client: abstract new (...args: never[]) => unknown): string {
  const meta = getMetadata(PROVIDER, client);
  if (meta === undefined) {
    throw new VitaminError('VITAMIN_E_DEFINITION', `${client.name} is listed as a provider but has no @Provider()`);
  }
  return meta.service;
}

/** Compiles every operation of a client instance once and attaches the plans to it. */
export function bindProvider<T extends ProviderClient>(instance: T, binding: ProviderBinding): T {
  const client = instance.constructor as abstract new (...args: never[]) => unknown;
  const service = providerService(client);
  const routes = getMetadata(ROUTES, client.prototype as object) ?? new Map<string, RouteMetadata>();
  const plans: Record<string, OperationPlan> = Object.create(null);
  const context = { client: client.name, service, ...binding };
  for (const [property, route] of routes) plans[property] = compileOperation(property, route, context);
  instance[OPERATION_PLANS] = Object.freeze(plans);
  return instance;
}

/** Options of {@link createClient}. */
export interface CreateClientOptions {
  /** `http(s)://host:port[/prefix]` of the provider. */
  baseUrl: string;
  transport: Transport;
  /** @defaultValue `1000` */
  timeoutMs?: number;
  /**
   * Where the client's commands live; give one with a config to tune them by property.
   * @defaultValue the process-wide {@link defaultCommandRegistry}
   */
  commands?: CommandRegistry;
}

/** Creates a provider client without an app: the plain-function way to use a client class. */
export function createClient<T extends ProviderClient>(client: new () => T, options: CreateClientOptions): T {
  const service = providerService(client);
  const chooser = new LoadBalancer(service, {});
  chooser.update([instanceFromUrl(service, options.baseUrl, `${client.name} baseUrl`)]);
  return bindProvider(new client(), {
    transport: options.transport,
    chooser,
    timeoutMs: options.timeoutMs ?? DEFAULT_CLIENT_TIMEOUT_MS,
    commands: options.commands ?? defaultCommandRegistry(),
  });
}
