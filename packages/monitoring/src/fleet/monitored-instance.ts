import { instanceOrigin, OPENAPI_PATH, type Instance, type Logger } from '@vitamin/core/fleet';
import type { Dispatcher } from 'undici';
import { callInstance } from '../admin/actuator-client.js';
import { readDetails, type InstanceDetails } from '../admin/instance-details.js';
import { InstanceSamples } from '../samples/instance-samples.js';
import { documentVersion, operationsOf, type CatalogOperation } from '../catalog/api-catalog.js';
import type { ResolvedMonitorOptions } from '../monitor-options.js';
import { InstanceStream } from '../stream/instance-stream.js';

/** How long a read of an instance's actuator or OpenAPI may take, in ms. */
const READ_TIMEOUT_MS = 3000;
/** How long an instance's API description is kept before it is read again, in ms. */
const API_MAX_AGE_MS = 60_000;

/** An instance's API as the catalog shows it. */
export interface InstanceApi {
  readonly readAt: number;
  readonly version: string;
  readonly operations: readonly CatalogOperation[];
  readonly error: string | undefined;
}

/**
 * One instance the registry names: its metric stream, its latest samples, and (read on demand)
 * its actuator details and API description. Every URL is built from the registry record.
 */
export class MonitoredInstance {
  readonly samples = new InstanceSamples();
  readonly stream: InstanceStream;
  details: InstanceDetails | undefined;
  api: InstanceApi | undefined;
  private reading: Promise<void> | undefined;
  private readingApi: Promise<void> | undefined;

  constructor(
    /** The registry record, replaced when the registry changes its status or metadata. */
    public instance: Instance,
    private readonly options: ResolvedMonitorOptions,
    private readonly dispatcher: Dispatcher,
    private readonly logger: Logger,
  ) {
    const label = `${instance.service}/${instance.id}`;
    this.stream = new InstanceStream({
      url: `${this.actuatorUrl}/hystrix.stream`,
      token: options.token,
      staleAfterMs: options.staleAfterMs,
      reconnectMinMs: options.reconnectMinMs,
      reconnectMaxMs: options.reconnectMaxMs,
      dispatcher,
      logger,
      label,
      onEvent: (payload, now) => this.samples.add(payload, now),
      onDrop: () => this.samples.clear(),
    });
  }

  /** `http(s)://host:port[/basePath]` of the instance's API. */
  get baseUrl(): string {
    return `${instanceOrigin(this.instance)}${String(this.instance.metadata.basePath ?? '')}`;
  }

  /** Where its actuator is: on `metadata.managementPort` when the instance declares one. */
  get actuatorUrl(): string {
    const managementPort = this.instance.metadata['managementPort'];
    const origin =
      typeof managementPort === 'number' ? instanceOrigin({ ...this.instance, port: managementPort }) : this.baseUrl;
    return `${origin}${this.options.actuatorPath.replace(/\/+$/, '')}`;
  }

  /** The version the instance runs: its registry metadata, else its info, else its API's. */
  get version(): string {
    const info = this.details?.info as { version?: unknown } | undefined;
    const version = this.instance.metadata.version ?? (typeof info?.version === 'string' ? info.version : undefined);
    return version ?? this.api?.version ?? 'unknown';
  }

  /** Reads health, info and loggers again when older than `detailsIntervalMs` (never twice at once). */
  refreshDetails(now: number): Promise<void> {
    if (this.details !== undefined && now - this.details.readAt < this.options.detailsIntervalMs)
      return Promise.resolve();
    this.reading ??= readDetails(this.dispatcher, this.actuatorUrl, this.options.token, READ_TIMEOUT_MS, now)
      .then((details) => void (this.details = details))
      .finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** Reads `/openapi.json` again when older than a minute. */
  refreshApi(now: number): Promise<void> {
    if (this.api !== undefined && now - this.api.readAt < API_MAX_AGE_MS) return Promise.resolve();
    this.readingApi ??= this.readApi(now).finally(() => (this.readingApi = undefined));
    return this.readingApi;
  }

  /** Calls the instance's actuator (an admin action); `path` is relative to the actuator base. */
  callActuator(method: 'GET' | 'POST', path: string, body?: unknown) {
    return callInstance(this.dispatcher, `${this.actuatorUrl}/${path}`, this.options.token, READ_TIMEOUT_MS, {
      method,
      body,
    });
  }

  async stop(): Promise<void> {
    await this.stream.stop();
    this.samples.clear();
  }

  private async readApi(now: number): Promise<void> {
    try {
      const answer = await callInstance(this.dispatcher, `${this.baseUrl}${OPENAPI_PATH}`, undefined, READ_TIMEOUT_MS);
      if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
      const version = this.instance.metadata.version ?? documentVersion(answer.body) ?? 'unknown';
      this.api = { readAt: now, version, operations: operationsOf(answer.body), error: undefined };
    } catch (error) {
      this.logger.debug({ instance: this.instance.id, err: error }, 'monitor could not read an API description');
      this.api = { readAt: now, version: this.version, operations: [], error: (error as Error).message };
    }
  }
}
