import type { ServedRoute } from '../server/http-server.js';
import { buildOpenApiDocument, type OpenApiSource } from './openapi-document.js';

/** Where every app serves its OpenAPI description. */
export const OPENAPI_PATH = '/openapi.json';

/**
 * The `GET /openapi.json` route of an app: the description is built once, when the server starts,
 * and served as the same bytes to every caller. Apps that declare their own `GET /openapi.json`
 * keep it (see {@link withOpenApiRoute}).
 */
export function openApiRoute(app: OpenApiSource): ServedRoute {
  const body = Buffer.from(JSON.stringify(buildOpenApiDocument(app)));
  const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) };
  return {
    method: 'GET',
    path: OPENAPI_PATH,
    handler: (_req, res) => {
      res.writeHead(200, headers).end(body);
    },
  };
}

/** Adds the `GET /openapi.json` route to `routes` unless the app already declares one. */
export function withOpenApiRoute(routes: ServedRoute[], app: OpenApiSource): ServedRoute[] {
  const declared = routes.some((route) => route.method === 'GET' && route.path === OPENAPI_PATH);
  return declared ? routes : [...routes, openApiRoute(app)];
}
