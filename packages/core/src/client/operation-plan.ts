import type { Endpoint } from '../balancing/endpoint.js';
import type { InstanceChooser } from '../balancing/instance-chooser.js';
import { HttpError } from '../errors/http-error.js';
import type { HttpMethod, RouteMetadata } from '../metadata/index.js';
import type { CommandPolicy } from '../resilience/command-policy.js';
import type { CommandRegistry } from '../resilience/command-registry.js';
import type { CommandContext } from '../resilience/command-types.js';
import { runAttempts, type AttemptPlan } from './attempts.js';
import type { OperationRequest } from './client-options.js';
import { compilePath } from './path-builder.js';
import { encodeQuery, mergeHeaders } from './request-encoding.js';
import { parseResponseBody } from './response-body.js';
import type { Transport, TransportResponse } from './transport.js';
import { stripQuery } from './transport-errors.js';
import { tracedAttempt, tracedCommand, type ClientTracing } from './client-tracing.js';

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
  /** Picks the instance of each attempt: the app's load balancer of the service. */
  readonly chooser: InstanceChooser;
  readonly transport: Transport;
  /** Limit of each attempt, in ms (the command's `timeoutMs` bounds the whole call). */
  readonly timeoutMs: number;
  /** Where the operation's command lives. */
  readonly commands: CommandRegistry;
  /** Client spans and trace headers; off when absent. */
  readonly tracing?: ClientTracing | undefined;
}

/** The call plan of one provider operation: built at boot, run per call. */
export interface OperationPlan {
  /** Command key: the operationId, or `<Client>#<method>`. */
  readonly key: string;
  readonly method: HttpMethod;
  /** Whether a failed attempt may be retried on another instance. */
  readonly idempotent: boolean;
  /** The command every call of the operation runs as. */
  readonly command: CommandPolicy;
  invoke(request: OperationRequest | undefined): Promise<unknown>;
}

/** What the command's work receives: the encoded request, ready for any instance. */
type Prepared = readonly [path: string, headers: Readonly<Record<string, string>>, body: string | undefined];

/**
 * Compiles one operation of a provider client: every call runs as the command `route.key ??
 * '<Client>#<method>'` in the provider's group; each attempt goes to the instance the load balancer
 * picks and gets the command's AbortSignal.
 */
export function compileOperation(property: string, route: RouteMetadata, context: OperationContext): OperationPlan {
  const key = route.key ?? `${context.client}#${property}`;
  const buildPath = compilePath(route.path, key);
  const { transport, timeoutMs, service, tracing } = context;
  const method = route.method;
  const idempotent = route.idempotent ?? IDEMPOTENT_METHODS.has(method);
  const command = context.commands.command(key, { group: service });

  const toResult = (response: TransportResponse, origin: string, path: string): unknown => {
    const body = parseResponseBody(response.contentType, response.body);
    if (response.status >= 200 && response.status < 300) return body;
    const url = `${origin}${stripQuery(path)}`;
    throw new HttpError(response.status, `${service} answered ${response.status} to ${method} ${url} (${key})`, body, {
      service,
      method,
      url,
    });
  };

  const sendOnce = (endpoint: Endpoint, signal: AbortSignal, [path, headers, body]: Prepared): Promise<unknown> => {
    const full = endpoint.basePath === '' ? path : endpoint.basePath + path;
    return transport
      .request({ origin: endpoint.origin, method, path: full, headers, body, timeoutMs, signal })
      .then((response) => toResult(response, endpoint.origin, full));
  };

  const attempts: AttemptPlan<Prepared, unknown> = {
    key,
    chooser: context.chooser,
    retry: command.retry,
    idempotent,
    send: tracing === undefined ? sendOnce : tracedAttempt(tracing, method, sendOnce),
  };
  const work = (args: [Prepared], commandContext: CommandContext) => runAttempts(attempts, args[0], commandContext);

  const execute = (request: OperationRequest | undefined): Promise<unknown> => {
    let prepared: Prepared;
    try {
      prepared = [
        buildPath(request?.path) + encodeQuery(request?.query),
        mergeHeaders(request?.body === undefined ? ACCEPT_JSON : SEND_JSON, request?.header, key),
        request?.body === undefined ? undefined : JSON.stringify(request.body),
      ];
    } catch (error) {
      return Promise.reject(error);
    }
    return command.execute(work, [prepared]);
  };
  const invoke = tracing === undefined ? execute : tracedCommand(tracing, key, service, execute);

  return { key, method, idempotent, command, invoke };
}
