import { createApp, newInstanceId, type App, type AppOptions, type Properties } from '@vitamin/core';
import { CarrierBooking } from './carrier-booking.js';
import { DeliveryController } from './delivery-controller.js';
import { FaultController } from './fault-controller.js';
import { Faults } from './faults.js';

/** Options of {@link deliveryService}: what a test or a launcher may set. */
export type DeliveryServiceOptions = Pick<AppOptions, 'logger' | 'server' | 'registry' | 'actuator'> & {
  /** Dotted properties in code, above this service's defaults (environment variables still win). */
  config?: Properties;
};

/**
 * The delivery service. By default it registers itself in the file registry
 * (`vitamin.discovery.registry: file`); properties (`VITAMIN_PROPS__…` variables) choose another one.
 */
export function deliveryService(options: DeliveryServiceOptions = {}): App {
  const { config, ...rest } = options;
  return createApp({
    name: 'delivery-service',
    controllers: [DeliveryController, FaultController],
    providers: [Faults, CarrierBooking],
    config: {
      'vitamin.discovery.registry': 'file',
      'vitamin.instance.id': newInstanceId('delivery-service'),
      ...config,
    },
    ...rest,
  });
}
