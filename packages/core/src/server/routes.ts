import { defineMetadata, getOwnMetadata, type HttpMethod, ROUTES, type RouteMetadata } from '../metadata/index.js';

/** Options of a route or provider operation besides its method and path. */
export type RouteOptions = Omit<RouteMetadata, 'method' | 'path'>;

/**
 * Records that a method answers (on a controller) or calls (on a provider) `method path`.
 * Paths take parameters as `:name` or `{name}`.
 */
export function Route(method: HttpMethod, path: string, options: RouteOptions = {}): MethodDecorator {
  return (prototype, property) => {
    defineRoute(prototype, String(property), { ...options, method, path });
  };
}

/** The plain-function twin of {@link Route}: records a route of `prototype[property]`. */
export function defineRoute(prototype: object, property: string, route: RouteMetadata): void {
  const routes = new Map(getOwnMetadata(ROUTES, prototype) ?? []);
  routes.set(property, route);
  defineMetadata(ROUTES, routes, prototype);
}

/** A `GET` route or operation. */
export const Get = (path = '', options?: RouteOptions): MethodDecorator => Route('GET', path, options);
/** A `POST` route or operation. */
export const Post = (path = '', options?: RouteOptions): MethodDecorator => Route('POST', path, options);
/** A `PUT` route or operation. */
export const Put = (path = '', options?: RouteOptions): MethodDecorator => Route('PUT', path, options);
/** A `PATCH` route or operation. */
export const Patch = (path = '', options?: RouteOptions): MethodDecorator => Route('PATCH', path, options);
/** A `DELETE` route or operation. */
export const Delete = (path = '', options?: RouteOptions): MethodDecorator => Route('DELETE', path, options);
