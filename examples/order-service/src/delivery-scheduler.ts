import { Command, Inject, isVitaminError, Service } from '@vitamin/core';
import { DeliveryClient } from './generated/delivery-client/client.js';
import type { OrderDelivery, OrderRequest } from './order.js';

/**
 * Books the delivery of an order with delivery-service, through the client generated from its
 * OpenAPI description. Booking runs as a command with a fallback: when delivery-service fails, is
 * too slow or its circuit is open, the order is still accepted and its delivery is `pending`.
 */
@Service()
export class DeliveryScheduler {
  constructor(@Inject(DeliveryClient) private readonly delivery: DeliveryClient) {}

  // Above the client's own 1000 ms limit, so a slow instance shows as the client's timeout.
  @Command({ key: 'schedule-delivery', group: 'delivery-service', timeoutMs: 2000, fallback: 'pending' })
  async schedule(orderId: string, order: OrderRequest): Promise<OrderDelivery> {
    const booked = await this.delivery.scheduleDelivery({
      body: { orderId, address: order.address, parcels: [{ weightKg: order.weightKg }] },
    });
    const { id, carrier, priceCents, eta, instance } = booked;
    return { status: 'scheduled', id, carrier, priceCents, eta, instance };
  }

  /** The fallback: accept the order now, book its delivery later. */
  pending(_orderId: string, _order: OrderRequest, cause: unknown): OrderDelivery {
    return { status: 'pending', reason: reasonOf(cause) };
  }
}

function reasonOf(cause: unknown): string {
  if (!isVitaminError(cause)) return 'delivery-service failed';
  return cause.code === 'VITAMIN_E_HTTP' ? `delivery-service answered ${cause.status}` : cause.code;
}
