import 'reflect-metadata';

// app
export { createApp } from './app/create-app.js';
export type { App, AppOptions, Constructor } from './app/create-app.js';
export type { AppActuatorOptions } from './app/actuator-setup.js';
export { DEFAULT_SHUTDOWN_OPTIONS, resolveShutdownOptions } from './app/shutdown-options.js';
export type { ResolvedShutdownOptions, ShutdownOptions } from './app/shutdown-options.js';
export type { ShutdownHook, ShutdownPhase } from './app/lifecycle.js';

// container
export { Service } from './container/service.js';
export { createContainer } from './container/create-container.js';
export { inject as Inject } from 'inversify';

// config
export { LayeredConfig } from './config/layered-config.js';
export type {
  GroupCheck,
  LayeredConfigOptions,
  LayerValues,
  PropertyCheck,
  PropertyDescription,
  Refresher,
} from './config/layer-types.js';
export { CODE_LAYER, ENV_LAYER, createLayeredConfig, loadConfig } from './config/create-config.js';
export { DEFAULT_CONFIG_OPTIONS, DEFAULT_ETCD_CONFIG_OPTIONS, resolveConfigOptions } from './config/config-options.js';
export type { ConfigOptions, EtcdConfigOptions, ResolvedConfigOptions } from './config/config-options.js';
export { DynamicProperty } from './config/dynamic-property.js';
export type { PropertyChangeListener, PropertyOptions } from './config/dynamic-property.js';
export { Configuration } from './config/configuration.js';
export { ChainedProperty, commandProperty } from './config/chained-property.js';
export { Value, defineValue } from './config/value.js';
export type { ValueOptions } from './config/value.js';
export { activateValues, injectValues } from './config/inject-values.js';
export type { ConfigRefusal } from './config/refusals.js';
export { MASK, isSecretKey, maskUrlCredentials, maskValue } from './config/secrets.js';
export { ENV_PREFIX, envNameToKey, keyToEnvName } from './config/env-properties.js';
export {
  ETCD_CONFIG_ROOT,
  GLOBAL_SCOPE,
  etcdConfigKey,
  etcdConfigPrefix,
  parseEtcdConfigKey,
} from './config/etcd-keys.js';
export type { ConfigLevel, ConfigScope, ParsedStoreKey } from './config/etcd-keys.js';
export { ETCD_LAYERS } from './config/etcd-source.js';
export { EtcdConfigStore } from './config/etcd-config-store.js';
export type { StoredProperty } from './config/etcd-config-store.js';
export { decodeStoreValue, encodeStoreValue } from './config/store-value.js';
export { isKnownProperty, registerKnownProperties } from './config/known-keys.js';
export { keyProblem } from './config/property-key.js';

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

// openapi
export { Returns, defineResponse } from './openapi/returns.js';
export { buildOpenApiDocument } from './openapi/openapi-document.js';
export type { OpenApiDocument, OpenApiOptions, OpenApiSource } from './openapi/openapi-document.js';

// client
export { Provider, defineProvider } from './client/provider.js';
export { ProviderClient } from './client/provider-client.js';
export { createClient } from './client/bind-provider.js';
export type { CreateClientOptions } from './client/bind-provider.js';
export { DEFAULT_CLIENT_TIMEOUT_MS } from './client/client-options.js';
export type { OperationRequest } from './client/client-options.js';
export { UndiciTransport } from './client/undici-transport.js';
export type { UndiciTransportOptions } from './client/undici-transport.js';
export { AxiosTransport } from './client/axios-transport.js';
export type { Transport, TransportRequest, TransportResponse } from './client/transport.js';

// resilience
export { Command } from './resilience/command-decorator.js';
export type { CommandDecoratorOptions } from './resilience/command-decorator.js';
export { command, defaultCommandRegistry } from './resilience/command-function.js';
export type { CommandFunction, CommandFunctionOptions } from './resilience/command-function.js';
export { bindCommands } from './resilience/bind-commands.js';
export { CommandPolicy } from './resilience/command-policy.js';
export { CommandRegistry } from './resilience/command-registry.js';
export type { CommandDeclaration, CommandRegistryOptions } from './resilience/command-registry.js';
export { DEFAULT_COMMAND_OPTIONS, resolveCommandOptions } from './resilience/command-options.js';
export type { CommandOptions, ResolvedCommandOptions } from './resilience/command-options.js';
export { DEFAULT_POOL_OPTIONS, resolvePoolOptions } from './resilience/concurrency-pool.js';
export type { PoolOptions, ResolvedPoolOptions } from './resilience/concurrency-pool.js';
export type { CommandContext, CommandWork, Fallback } from './resilience/command-types.js';
export type { CircuitTransition } from './resilience/circuit-breaker.js';
export { RetryPolicy, isRetryable } from './resilience/retry-policy.js';
export { isBadRequest } from './resilience/bad-request.js';

// metrics
export { COMMAND_EVENTS } from './metrics/command-events.js';
export type { CommandEvent, EventCounts } from './metrics/command-events.js';
export { CommandMetrics } from './metrics/command-metrics.js';
export type { CircuitState, CommandMetricsSnapshot } from './metrics/command-metrics.js';
export type { GroupMetricsSnapshot, PoolSnapshot } from './metrics/group-metrics.js';
export { SYSTEM_CLOCK } from './metrics/clock.js';
export type { Clock } from './metrics/clock.js';

// tracing
export { currentTrace, runWithTrace } from './tracing/trace-context.js';
export type { TraceContext } from './tracing/trace-context.js';
export { extractTrace, injectTrace } from './tracing/propagation.js';
export { outgoingTraceHeaders, startConsumerSpan } from './tracing/message-tracing.js';
export { endSpan } from './tracing/tracer.js';
export type { IncomingTrace, PropagationFormat } from './tracing/propagation.js';
export { DEFAULT_TRACING_OPTIONS, resolveTracingOptions } from './tracing/tracing-options.js';
export type { ResolvedTracingOptions, TracingOptions } from './tracing/tracing-options.js';

// registries, instances, logging, errors, the metric stream format and management replies (also `@vitamin/core/fleet`)
export {
  admit,
  createLogger,
  DEFAULT_DNS_REGISTRY_OPTIONS,
  DEFAULT_ETCD_REGISTRY_OPTIONS,
  DEFAULT_FILE_REGISTRY_OPTIONS,
  DnsRegistry,
  EncodedHistogram,
  ERROR_CODES,
  EtcdRegistry,
  FileRegistry,
  HISTOGRAM_FIELD,
  HYSTRIX_PERCENTILES,
  hystrixCommandEvent,
  hystrixThreadPoolEvent,
  InMemoryConfig,
  INSTANCE_STATUSES,
  instanceFromUrl,
  instanceOrigin,
  isVitaminError,
  LatencyHistogram,
  newInstanceId,
  OPENAPI_PATH,
  parseInstance,
  readJsonBody,
  REGISTRY_KINDS,
  registryFromConfig,
  resolveDnsRegistryOptions,
  resolveEtcdRegistryOptions,
  resolveFileRegistryOptions,
  sendJson,
  sendRefusal,
  StaticRegistry,
  VitaminError,
} from './fleet.js';
export type {
  AccessPolicy,
  Config,
  ConfigListener,
  DnsLookup,
  DnsRegistryOptions,
  ErrorCode,
  EtcdRegistryOptions,
  FileRegistryOptions,
  Instance,
  InstanceFromUrlOptions,
  InstanceMetadata,
  InstancesListener,
  InstanceStatus,
  LatencySummary,
  Logger,
  LoggerOptions,
  Properties,
  Registry,
  RegistryErrorListener,
  ResolvedDnsRegistryOptions,
  ResolvedEtcdRegistryOptions,
  ResolvedFileRegistryOptions,
  VitaminErrorOptions,
} from './fleet.js';

// discovery
export { InstanceCache } from './discovery/instance-cache.js';
export type { DiscoveryHealth, DiscoveryState, InstanceCacheOptions } from './discovery/instance-cache.js';
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

// actuator
export { Actuator } from './actuator/actuator.js';
export type { ActuatorContext, ActuatorSources } from './actuator/actuator.js';
export { DEFAULT_ACTUATOR_OPTIONS, resolveActuatorOptions } from './actuator/actuator-options.js';
export type { ActuatorOptions, ResolvedActuatorOptions } from './actuator/actuator-options.js';
export { Health, aggregateStatus } from './actuator/health.js';
export type {
  HealthGroup,
  HealthIndicator,
  HealthReport,
  HealthResult,
  HealthStatus,
  LifecycleState,
} from './actuator/health.js';
export { circuitBreakersIndicator, probeIndicator } from './actuator/health-indicators.js';
export { NO_COMMANDS } from './actuator/metrics-source.js';
export type {
  CircuitStateView,
  CommandEventCounts,
  CommandMetricsSource,
  CommandSettingsView,
  CommandView,
  GroupView,
  LatencyView,
} from './actuator/metrics-source.js';
export type { CircuitAction, CircuitBreakerControl } from './actuator/circuit-breakers.js';
export { configProperties } from './actuator/properties-source.js';
export type { PropertiesSource, PropertyView, RefusalView } from './actuator/properties-source.js';
export type { HystrixStream } from './actuator/hystrix-stream.js';
export type { PrometheusMetrics } from './actuator/prometheus-metrics.js';
export type { InstanceInfo } from './actuator/info.js';

// errors
export { BadRequestError, HttpError } from './errors/http-error.js';
export type { UpstreamCall } from './errors/http-error.js';

// metadata (for tools that read declarations, such as the OpenAPI generator)
export type {
  HttpMethod,
  ParamMetadata,
  ResponseMetadata,
  RouteMetadata,
  Schema,
  SchemaIssue,
  SchemaResult,
} from './metadata/index.js';
export { defineMetadata, getMetadata, metadataKey } from './metadata/index.js';
export type { MetadataKey } from './metadata/index.js';
