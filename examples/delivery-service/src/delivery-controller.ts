import { Body, Controller, Inject, Post, Returns } from '@vitamin/core';
import { CarrierBooking } from './carrier-booking.js';
import { CarrierFailure, Delivery, DeliveryRequest, Quote, QuoteRequest, quote } from './delivery.js';

/** The delivery service's API. */
@Controller('/deliveries')
export class DeliveryController {
  constructor(@Inject(CarrierBooking) private readonly carrier: CarrierBooking) {}

  @Post('/quotes', { key: 'quoteDelivery', summary: 'What a delivery would cost and how long it takes' })
  @Returns(200, Quote)
  quote(@Body(QuoteRequest) request: QuoteRequest): Quote {
    return quote(request);
  }

  @Post('', { status: 201, key: 'scheduleDelivery', summary: 'Book the delivery of an order with the carrier' })
  @Returns(201, Delivery)
  @Returns(502, CarrierFailure, 'The carrier did not book the delivery')
  schedule(@Body(DeliveryRequest) request: DeliveryRequest): Promise<Delivery> {
    return this.carrier.book(request);
  }
}
