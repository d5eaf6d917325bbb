import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logging/logger.js';
import type { ParamMetadata, RouteMetadata } from '../metadata/index.js';
import { sendError } from './error-response.js';
import { parseQuery } from './query-string.js';
import { readJsonBody } from './request-body.js';
import { ValidationIssues } from './validation.js';

/** Path parameters as the router decoded them. */
export type PathParams = Record<string, string | undefined>;

/** Answers one request for a matched route; `query` is the raw query string without `?`. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, params: PathParams, query: string) => void;

/** What one request offers the argument extractors. */
interface RequestParts {
  readonly req: IncomingMessage;
  readonly params: PathParams;
  readonly query: Record<string, string | string[]> | undefined;
  readonly body: unknown;
}

type Extractor = (parts: RequestParts) => unknown;

const JSON_HEADERS = 'application/json; charset=utf-8';

/**
 * Compiles one route into the closure that serves it: which arguments to extract, which to
 * validate, whether to read a body. Runs once at boot; the returned closure does no reflection.
 */
export function compileRouteHandler(
  invoke: (args: unknown[]) => unknown,
  route: RouteMetadata,
  params: readonly ParamMetadata[],
  bodyLimit: number,
  logger: Logger,
): RouteHandler {
  const label = `${route.method} ${route.path}`;
  const argCount = params.reduce((max, p) => Math.max(max, p.index + 1), 0);
  const extractors = params.map((param) => ({ param, get: extractorFor(param) }));
  const needsBody = params.some((p) => p.source === 'body');
  const needsQuery = params.some((p) => p.source === 'query');
  const hasSchema = params.some((p) => p.schema !== undefined);
  const fixedStatus = route.status;

  const respond = (res: ServerResponse, result: unknown): void => {
    if (result === undefined) {
      res.writeHead(fixedStatus ?? 204);
      res.end();
      return;
    }
    const text = JSON.stringify(result);
    res.writeHead(fixedStatus ?? 200, { 'content-type': JSON_HEADERS, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const run = (req: IncomingMessage, res: ServerResponse, pathParams: PathParams, query: string, body: unknown) => {
    let result: unknown;
    try {
      const args = new Array<unknown>(argCount);
      if (argCount > 0) {
        const parts: RequestParts = {
          req,
          params: pathParams,
          query: needsQuery ? parseQuery(query) : undefined,
          body,
        };
        const issues = hasSchema ? new ValidationIssues() : undefined;
        for (const { param, get } of extractors) {
          const raw = get(parts);
          args[param.index] =
            param.schema === undefined ? raw : issues!.check(param.schema, raw, param.source, param.name);
        }
        issues?.throwIfAny();
      }
      result = invoke(args);
    } catch (error) {
      sendError(res, error, logger, label);
      return;
    }
    if (result instanceof Promise) {
      result.then(
        (value) => respond(res, value),
        (error: unknown) => sendError(res, error, logger, label),
      );
    } else {
      respond(res, result);
    }
  };

  if (!needsBody) return (req, res, pathParams, query) => run(req, res, pathParams, query, undefined);
  return (req, res, pathParams, query) => {
    readJsonBody(req, bodyLimit).then(
      (body) => run(req, res, pathParams, query, body),
      (error: unknown) => {
        // Unread bytes of a refused body would be parsed as the next request: close the connection.
        res.setHeader('connection', 'close');
        sendError(res, error, logger, label);
      },
    );
  };
}

function extractorFor(param: ParamMetadata): Extractor {
  const name = param.name;
  switch (param.source) {
    case 'path':
      return (parts) => parts.params[name!];
    case 'header':
      return (parts) => parts.req.headers[name!];
    case 'query':
      return name === undefined ? (parts) => parts.query : (parts) => parts.query![name];
    case 'body':
      return (parts) => parts.body;
  }
}
