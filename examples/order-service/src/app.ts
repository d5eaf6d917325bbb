import { createApp, newInstanceId, type App, type AppOptions, type Properties } from '@vitamin/core';
import { DeliveryScheduler } from './delivery-scheduler.js';
import { DeliveryClient } from './generated/delivery-client/client.js';
import { OrderController } from './order-controller.js';
import { OrderStore } from './order-store.js';

/** Options of {@link orderService}: what a test or a launcher may set. */
export type OrderServiceOptions = Pick<AppOptions, 'logger' | 'server' | 'registry' | 'actuator' | 'transport'> & {
  /** Dotted properties in code, above this service's defaults (environment variables still win). */
  config?: Properties;
};

/**
 * The order service. It finds delivery-service instances in the registry and balances its calls over
 * them; by default that is the file registry (`vitamin.discovery.registry: file`), where it also
 * registers itself.
 */
export function orderService(options: OrderServiceOptions = {}): App {
  const { config, ...rest } = options;
  return createApp({
    name: 'order-service',
    controllers: [OrderController],
    providers: [DeliveryClient, DeliveryScheduler, OrderStore],
    config: {
      'vitamin.discovery.registry': 'file',
      'vitamin.instance.id': newInstanceId('order-service'),
      ...config,
    },
    ...rest,
  });
}
