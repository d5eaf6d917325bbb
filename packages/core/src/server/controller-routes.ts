import { VitaminError } from '../errors/vitamin-error.js';
import type { Logger } from '../logging/logger.js';
import {
  CONTROLLER,
  getMetadata,
  PARAMS,
  RESPONSES,
  ROUTES,
  type ParamMetadata,
  type ResponseMetadata,
  type RouteMetadata,
} from '../metadata/index.js';
import type { ServedRoute } from './http-server.js';
import { routerPath } from './path-template.js';
import { compileRouteHandler } from './route-handler.js';

/** One route of a controller as declared, with its full path: what the OpenAPI description reads. */
export interface DeclaredRoute {
  readonly controller: string;
  readonly property: string;
  readonly fullPath: string;
  readonly route: RouteMetadata;
  readonly params: readonly ParamMetadata[];
  /** Responses declared with `@Returns`, for the OpenAPI description. */
  readonly responses: readonly ResponseMetadata[];
}

/** Reads the routes a controller class declares (once, at boot) and checks them. */
export function declaredRoutes(controller: abstract new (...args: never[]) => unknown): DeclaredRoute[] {
  const meta = getMetadata(CONTROLLER, controller);
  if (meta === undefined) {
    throw new VitaminError(
      'VITAMIN_E_DEFINITION',
      `${controller.name} is listed as a controller but has no @Controller()`,
    );
  }
  const prototype = controller.prototype as Record<string, unknown>;
  const routes = getMetadata(ROUTES, prototype) ?? new Map<string, RouteMetadata>();
  return [...routes].map(([property, route]) => {
    const where = `${controller.name}.${property}`;
    if (typeof prototype[property] !== 'function') {
      throw new VitaminError('VITAMIN_E_DEFINITION', `${where} has a route decorator but is not a method`);
    }
    const fullPath = routerPath(meta.prefix, route.path);
    const params = getMetadata(PARAMS, prototype, property) ?? [];
    for (const param of params) {
      if (param.source === 'path' && !fullPath.split('/').includes(`:${param.name}`)) {
        throw new VitaminError(
          'VITAMIN_E_DEFINITION',
          `${where}: @Param('${param.name}') names no parameter of path ${fullPath}`,
        );
      }
    }
    const responses = getMetadata(RESPONSES, prototype, property) ?? [];
    return { controller: controller.name, property, fullPath, route, params, responses };
  });
}

/** Compiles the routes of one controller instance into handlers. */
export function compileControllerRoutes(
  instance: object,
  routes: readonly DeclaredRoute[],
  bodyLimit: number,
  logger: Logger,
): ServedRoute[] {
  return routes.map(({ property, fullPath, route, params }) => {
    const method = (instance as Record<string, (...args: unknown[]) => unknown>)[property]!;
    const invoke = (args: unknown[]): unknown => method.apply(instance, args);
    return {
      method: route.method,
      path: fullPath,
      handler: compileRouteHandler(invoke, { ...route, path: fullPath }, params, bodyLimit, logger),
    };
  });
}
