/**
 * `@vitamin/core/fleet`: what a process watching a fleet from outside needs (registries and
 * instances, the Hystrix stream format and its mergeable latency histograms, logging, errors, and
 * the access check and JSON replies of management endpoints)
 * without the service runtime (HTTP server, container, provider clients, tracing), so such a
 * process loads about a fifth less. Everything here is also exported by `@vitamin/core`.
 */

export { InMemoryConfig } from './config/config.js';
export type { Config, ConfigListener, Properties } from './config/config.js';
export { OPENAPI_PATH } from './openapi/openapi-route.js';
export { EncodedHistogram, LatencyHistogram } from './metrics/latency-histogram.js';
export type { LatencySummary } from './metrics/latency-histogram.js';
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
export { REGISTRY_KINDS, registryFromConfig } from './discovery/registry-config.js';
export { createLogger } from './logging/logger.js';
export type { Logger, LoggerOptions } from './logging/logger.js';
export {
  HISTOGRAM_FIELD,
  HYSTRIX_PERCENTILES,
  hystrixCommandEvent,
  hystrixThreadPoolEvent,
} from './actuator/hystrix-format.js';
export { ERROR_CODES } from './errors/codes.js';
export type { ErrorCode } from './errors/codes.js';
export { VitaminError, isVitaminError } from './errors/vitamin-error.js';
export type { VitaminErrorOptions } from './errors/vitamin-error.js';
export { admit } from './actuator/access.js';
export type { AccessPolicy } from './actuator/access.js';
export { sendJson, sendRefusal } from './actuator/reply.js';
export { readJsonBody } from './server/request-body.js';
