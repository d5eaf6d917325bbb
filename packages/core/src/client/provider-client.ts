import { VitaminError } from '../errors/vitamin-error.js';
import type { OperationRequest } from './client-options.js';
import type { OperationPlan } from './operation-plan.js';

/** Where a bound client keeps its compiled operations. */
export const OPERATION_PLANS = Symbol('vitamin.operationPlans');

/**
 * The base class of provider clients. Each decorated method calls {@link ProviderClient.call} with
 * its own name; the runtime compiled every operation into a plan when the client was created.
 *
 * @example
 * ```ts
 * @Provider({ service: 'greeting-service' })
 * class GreetingClient extends ProviderClient {
 *   @Get('/greetings/{name}')
 *   greet(request: { path: { name: string } }): Promise<Greeting> {
 *     return this.call('greet', request);
 *   }
 * }
 * ```
 */
export abstract class ProviderClient {
  /** Set by the runtime when the client is created. */
  [OPERATION_PLANS]: Readonly<Record<string, OperationPlan>> | undefined;

  /** Runs the operation declared on method `operation` with `request`. */
  protected call<T>(operation: string, request?: OperationRequest): Promise<T> {
    const plan = this[OPERATION_PLANS]?.[operation];
    if (plan === undefined) return Promise.reject(unbound(this.constructor.name, operation));
    return plan.invoke(request) as Promise<T>;
  }
}

function unbound(client: string, operation: string): VitaminError {
  return new VitaminError(
    'VITAMIN_E_DEFINITION',
    `${client}.${operation} is not a bound operation: create the client with createApp() or createClient(), and decorate the method with @Get, @Post, …`,
  );
}
