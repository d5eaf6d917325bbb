import { HttpError } from '../errors/http-error.js';
import { VitaminError } from '../errors/vitamin-error.js';
import type { HttpMethod, RouteMetadata } from '../metadata/index.js';
import type { BaseUrl } from './base-url.js';
import type { InstanceChooser } from '../balancing/instance-chooser.js';
import type { OperationRequest } from './client-options.js';
import { attemptOnInstances } from './instance-attempts.js';
import { compilePath } from './path-builder.js';
import { encodeQuery, mergeHeaders } from './request-encoding.js';
import { parseResponseBody } from './response-body.js';
import type { Transport, TransportResponse } from './transport.js';
import { stripQuery } from './transport-errors.js';

const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const ACCEPT_JSON: Readonly<Record<string, string>> = Object.freeze({ accept: 'application/json' });
const SEND_JSON: Readonly<Record<string, string>> = Object.freeze({
  accept: 'application/json',
  'content-type': 'application/json',
});

/** Everything an operation needs at call time, resolved once. */
export interface OperationContext {
  /** Class name of the client, for default command keys and messages. */
  readonly client: string;
  /** Registry name of the provider. */
  readonly service: string;
  /** Where the provider is; `undefined` when no address is configured. */
  readonly baseUrl: BaseUrl | undefined;
  /** Chooses an instance per attempt (load balancing); when set, `baseUrl` is not used. */
  readonly chooser?: InstanceChooser | undefined;
  readonly transport: Transport;
  readonly timeoutMs: number;
}

/** The call plan of one provider operation: built at boot, run per call. */
export interface OperationPlan {
  /** Command key: the operationId, or `<Client>#<method>`. */
  readonly key: string;
  readonly method: HttpMethod;
  /** Whether a failed attempt may be retried on another instance. */
  readonly idempotent: boolean;
  invoke(request: OperationRequest | undefined): Promise<unknown>;
}

/** Compiles one operation of a provider client. */
export function compileOperation(property: string, route: RouteMetadata, context: OperationContext): OperationPlan {
  const key = route.key ?? `${context.client}#${property}`;
  const buildPath = compilePath(route.path, key);
  const { baseUrl, chooser, transport, timeoutMs, service } = context;
  const method = route.method;
  const basePath = baseUrl?.basePath ?? '';
  const idempotent = route.idempotent ?? IDEMPOTENT_METHODS.has(method);

  const toResult = (response: TransportResponse, path: string, origin: string): unknown => {
    const body = parseResponseBody(response.contentType, response.body);
    if (response.status >= 200 && response.status < 300) return body;
    const url = `${origin}${stripQuery(path)}`;
    throw new HttpError(response.status, `${service} answered ${response.status} to ${method} ${url} (${key})`, body, {
      service,
      method,
      url,
    });
  };

  const invoke = (request: OperationRequest | undefined): Promise<unknown> => {
    if (chooser !== undefined) return invokeOnInstances(request);
    if (baseUrl === undefined) {
      return Promise.reject(
        new VitaminError(
          'VITAMIN_E_NO_INSTANCE',
          `${key}: no address for service '${service}'; set vitamin.services.${service}.url`,
        ),
      );
    }
    let path: string;
    let headers: Readonly<Record<string, string>>;
    try {
      path = basePath + buildPath(request?.path) + encodeQuery(request?.query);
      headers = mergeHeaders(request?.body === undefined ? ACCEPT_JSON : SEND_JSON, request?.header, key);
    } catch (error) {
      return Promise.reject(error);
    }
    const body = request?.body === undefined ? undefined : JSON.stringify(request.body);
    return transport
      .request({ origin: baseUrl.origin, method, path, headers, body, timeoutMs })
      .then((response) => toResult(response, path, baseUrl.origin));
  };

  // One attempt per chosen instance; retried on the next instance for idempotent operations.
  const invokeOnInstances = (request: OperationRequest | undefined): Promise<unknown> => {
    let path: string;
    let headers: Readonly<Record<string, string>>;
    try {
      path = buildPath(request?.path) + encodeQuery(request?.query);
      headers = mergeHeaders(request?.body === undefined ? ACCEPT_JSON : SEND_JSON, request?.header, key);
    } catch (error) {
      return Promise.reject(error);
    }
    const body = request?.body === undefined ? undefined : JSON.stringify(request.body);
    return attemptOnInstances(
      chooser!,
      idempotent,
      (endpoint) => {
        const full = endpoint.basePath === '' ? path : endpoint.basePath + path;
        return transport
          .request({ origin: endpoint.origin, method, path: full, headers, body, timeoutMs })
          .then((response) => toResult(response, full, endpoint.origin));
      },
      key,
    );
  };

  return { key, method, idempotent, invoke };
}
