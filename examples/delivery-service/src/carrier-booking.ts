import { randomUUID } from 'node:crypto';
import { Command, HttpError, Inject, Service, Value } from '@vitamin/core';
import { addDays, quote, type Delivery, type DeliveryRequest } from './delivery.js';
import { Faults } from './faults.js';

/**
 * Books deliveries with the carrier. Booking is the instance's own remote work, so it runs as a
 * command: its counts, latency and circuit show on this instance's `/actuator/hystrix.stream`.
 */
@Service()
export class CarrierBooking {
  @Value('vitamin.instance.id')
  private readonly instance!: string;

  constructor(@Inject(Faults) private readonly faults: Faults) {}

  @Command({ key: 'carrier-booking', timeoutMs: 5000 })
  async book(request: DeliveryRequest): Promise<Delivery> {
    if (await this.faults.apply()) {
      throw new HttpError(502, 'the carrier did not answer', {
        error: 'carrier-unavailable',
        message: `carrier booking failed on ${this.instance} (fault switch)`,
      });
    }
    const { carrier, priceCents, etaDays } = quote(request);
    return {
      id: randomUUID(),
      orderId: request.orderId,
      status: 'scheduled',
      carrier,
      priceCents,
      eta: addDays(new Date(), etaDays),
      instance: this.instance,
    };
  }
}
