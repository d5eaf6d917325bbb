import 'reflect-metadata';

// app
export { createApp } from './app/create-app.js';
export type { App, AppOptions, Constructor } from './app/create-app.js';

// container
export { Service } from './container/service.js';
export { createContainer } from './container/create-container.js';
export { inject as Inject } from 'inversify';

// config
export { InMemoryConfig } from './config/config.js';
export type { Config, ConfigListener, Properties } from './config/config.js';

// server
export { Controller, defineController } from './server/controller.js';
export { Delete, Get, Patch, Post, Put, Route, defineRoute } from './server/routes.js';
export type { RouteOptions } from './server/routes.js';
export { Body, Header, Param, Query, defineParam } from './server/params.js';
export { DEFAULT_SERVER_OPTIONS, resolveServerOptions } from './server/server-options.js';
export type { ResolvedServerOptions, ServerOptions } from './server/server-options.js';
export type { ServerAddress } from './server/http-server.js';
export type { DeclaredRoute } from './server/controller-routes.js';
export type { ErrorBody } from './server/error-response.js';
export type { ValidationIssue } from './server/validation.js';

// client
export { Provider, defineProvider } from './client/provider.js';
export { ProviderClient } from './client/provider-client.js';
export { createClient } from './client/bind-provider.js';
export type { CreateClientOptions } from './client/bind-provider.js';
export { DEFAULT_CLIENT_TIMEOUT_MS } from './client/client-options.js';
export type { ClientOptions, OperationRequest } from './client/client-options.js';
export { UndiciTransport } from './client/undici-transport.js';
export type { UndiciTransportOptions } from './client/undici-transport.js';
export { AxiosTransport } from './client/axios-transport.js';
export type { Transport, TransportRequest, TransportResponse } from './client/transport.js';

// discovery
export type { Registry, InstancesListener, RegistryErrorListener } from './discovery/registry.js';
export {
  INSTANCE_STATUSES,
  instanceFromUrl,
  instanceOrigin,
  newInstanceId,
  parseInstance,
} from './discovery/instance.js';
export type { Instance, InstanceFromUrlOptions, InstanceMetadata, InstanceStatus } from './discovery/instance.js';
export { StaticRegistry } from './discovery/static-registry.js';
export { FileRegistry } from './discovery/file-registry.js';
export { DEFAULT_FILE_REGISTRY_OPTIONS, resolveFileRegistryOptions } from './discovery/file-registry-options.js';
export type { FileRegistryOptions, ResolvedFileRegistryOptions } from './discovery/file-registry-options.js';
export { EtcdRegistry } from './discovery/etcd-registry.js';
export { DEFAULT_ETCD_REGISTRY_OPTIONS, resolveEtcdRegistryOptions } from './discovery/etcd-registry-options.js';
export type { EtcdRegistryOptions, ResolvedEtcdRegistryOptions } from './discovery/etcd-registry-options.js';
export { DnsRegistry } from './discovery/dns-registry.js';
export type { DnsLookup } from './discovery/dns-registry.js';
export { DEFAULT_DNS_REGISTRY_OPTIONS, resolveDnsRegistryOptions } from './discovery/dns-registry-options.js';
export type { DnsRegistryOptions, ResolvedDnsRegistryOptions } from './discovery/dns-registry-options.js';
export { InstanceCache } from './discovery/instance-cache.js';
export type { DiscoveryHealth, DiscoveryState, InstanceCacheOptions } from './discovery/instance-cache.js';
export { REGISTRY_KINDS, registryFromConfig } from './discovery/registry-config.js';
export { SelfRegistration, ownInstance } from './discovery/self-registration.js';
export type { ListenAddress } from './discovery/self-registration.js';
export { ServiceDiscovery } from './app/service-discovery.js';
export type { ServiceDiscoveryOptions } from './app/service-discovery.js';

// balancing
export { LoadBalancer } from './balancing/load-balancer.js';
export type { LoadBalancerContext } from './balancing/load-balancer.js';
export { DEFAULT_LOAD_BALANCER_OPTIONS, resolveLoadBalancerOptions } from './balancing/load-balancer-options.js';
export type { LoadBalancerOptions, ResolvedLoadBalancerOptions } from './balancing/load-balancer-options.js';
export { Endpoint } from './balancing/endpoint.js';
export type { CallOutcome, InstanceChooser } from './balancing/instance-chooser.js';
export type { LoadBalancerRule, RandomSource, RuleName } from './balancing/rule.js';
export { RULE_NAMES, createRule } from './balancing/rules.js';
export type { RuleContext } from './balancing/rules.js';
export { RoundRobinRule } from './balancing/round-robin-rule.js';
export { RandomRule } from './balancing/random-rule.js';
export { WeightedRule } from './balancing/weighted-rule.js';
export { LeastOutstandingRule } from './balancing/least-outstanding-rule.js';
export { ZoneAffinityRule } from './balancing/zone-affinity-rule.js';

// logging
export { createLogger } from './logging/logger.js';
export type { Logger, LoggerOptions } from './logging/logger.js';

// errors
export { ERROR_CODES } from './errors/codes.js';
export type { ErrorCode } from './errors/codes.js';
export { VitaminError, isVitaminError } from './errors/vitamin-error.js';
export type { VitaminErrorOptions } from './errors/vitamin-error.js';
export { BadRequestError, HttpError } from './errors/http-error.js';
export type { UpstreamCall } from './errors/http-error.js';

// metadata (for tools that read declarations, such as the OpenAPI generator)
export type { HttpMethod, ParamMetadata, RouteMetadata, Schema, SchemaIssue, SchemaResult } from './metadata/index.js';
