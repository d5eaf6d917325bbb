import { randomUUID } from 'node:crypto';
import { Command, HttpError, Inject, isVitaminError, Service, Value } from '@vitamin/core';
import { addDays, quote, type Delivery, type DeliveryRequest } from './delivery.js';
import { Faults } from './faults.js';

/**
 * Books deliveries with the carrier. Booking is the instance's own remote work, so it runs as a
 * command: its counts, latency and circuit show on this instance's `/actuator/hystrix.stream`, and
 * whatever stops a booking (a failure, a timeout, an open circuit) answers the caller 502.
 */
@Service()
export class CarrierBooking {
  @Value('vitamin.instance.id')
  private readonly instance!: string;

  constructor(@Inject(Faults) private readonly faults: Faults) {}

  @Command({ key: 'carrier-booking', timeoutMs: 5000, fallback: 'unavailable' })
  async book(request: DeliveryRequest): Promise<Delivery> {
    if (await this.faults.apply()) throw new Error('the carrier did not answer (fault switch)');
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

  /** The fallback: no booking without the carrier, so the caller learns why. */
  unavailable(_request: DeliveryRequest, cause: unknown): never {
    const reason = isVitaminError(cause) ? cause.code : (cause as Error).message;
    throw new HttpError(502, 'carrier unavailable', {
      error: 'carrier-unavailable',
      message: `${this.instance} could not book with the carrier: ${reason}`,
    });
  }
}
