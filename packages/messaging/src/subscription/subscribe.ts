import { defineMetadata, getMetadata, metadataKey } from '@vitamin/core';
import { checkGroup, checkTopic } from '../message/names.js';
import type { SubscribeOptions } from './subscription-options.js';

/** What `@Subscribe` records for one handler method. */
export interface SubscriptionMetadata {
  readonly method: string;
  readonly topic: string;
  readonly options: SubscribeOptions<never, unknown>;
}

/** Subscriptions of a class, stored on its prototype. */
export const SUBSCRIPTIONS = metadataKey<readonly SubscriptionMetadata[]>('messaging.subscriptions');

/**
 * Declares a method as the handler of `topic` for a consumer group. The method receives the event
 * (validated and translated) and a {@link MessageContext}. Only records metadata; `messaging.start()`
 * starts the consumers.
 *
 * @example
 * ```ts
 * class Deliveries {
 *   @Subscribe('order.created', { group: 'delivery', schema: OrderCreated, idempotent: true })
 *   async onOrderCreated(event: OrderCreated) { ... }
 * }
 * ```
 * @throws VitaminError `VITAMIN_E_DEFINITION` for an invalid topic or group
 */
export function Subscribe<In = unknown, Out = In>(topic: string, options: SubscribeOptions<In, Out>): MethodDecorator {
  return (target, property) =>
    defineSubscription(
      target.constructor as abstract new (...args: never[]) => unknown,
      String(property),
      topic,
      options,
    );
}

/**
 * The plain-function twin of {@link Subscribe}: declares `method` of `type` as a handler.
 * @throws VitaminError `VITAMIN_E_DEFINITION` for an invalid topic or group
 */
export function defineSubscription<In, Out>(
  type: abstract new (...args: never[]) => unknown,
  method: string,
  topic: string,
  options: SubscribeOptions<In, Out>,
): void {
  const where = `${type.name}.${method}`;
  checkTopic(topic, where);
  checkGroup(options?.group, where);
  const existing = getMetadata(SUBSCRIPTIONS, type.prototype as object) ?? [];
  const entry: SubscriptionMetadata = {
    method,
    topic,
    options: options as unknown as SubscribeOptions<never, unknown>,
  };
  defineMetadata(SUBSCRIPTIONS, [...existing, entry], type.prototype as object);
}

/** The subscriptions a class declares (with those of its base classes). */
export function subscriptionsOf(type: abstract new (...args: never[]) => unknown): readonly SubscriptionMetadata[] {
  return getMetadata(SUBSCRIPTIONS, type.prototype as object) ?? [];
}
