import { z } from 'zod';

/** Where a parcel goes. */
export const Address = z.object({
  street: z.string().min(1).max(200),
  city: z.string().min(1).max(100),
  postcode: z.string().regex(/^[A-Za-z0-9 -]{3,10}$/, 'a postcode of 3 to 10 letters, digits, spaces or dashes'),
});

/** One parcel of a delivery. */
export const Parcel = z.object({ weightKg: z.number().positive().max(30) });

/** Body of `POST /deliveries/quotes`: what a delivery would cost. */
export const QuoteRequest = z.object({ address: Address, parcels: z.array(Parcel).min(1).max(20) });
export type QuoteRequest = z.output<typeof QuoteRequest>;

/** Body of `POST /deliveries`: schedule the delivery of an order. */
export const DeliveryRequest = QuoteRequest.extend({ orderId: z.string().min(1).max(64) });
export type DeliveryRequest = z.output<typeof DeliveryRequest>;

/** A price and a lead time. */
export const Quote = z.object({
  carrier: z.enum(['parcel-post', 'freight']),
  priceCents: z.number().int(),
  etaDays: z.number().int(),
});
export type Quote = z.output<typeof Quote>;

/** A scheduled delivery; `instance` says which delivery-service instance booked it. */
export const Delivery = z.object({
  id: z.string(),
  orderId: z.string(),
  status: z.literal('scheduled'),
  carrier: Quote.shape.carrier,
  priceCents: z.number().int(),
  eta: z.string().describe('ISO date of the expected delivery'),
  instance: z.string(),
});
export type Delivery = z.output<typeof Delivery>;

/** The body of a 502: the carrier did not book the delivery. */
export const CarrierFailure = z.object({ error: z.literal('carrier-unavailable'), message: z.string() });

/** Parcels up to this total weight go by parcel post, heavier ones by freight. */
const PARCEL_POST_LIMIT_KG = 5;

/** Prices a delivery: a base fee per carrier plus a rate per started kilogram; far postcodes take longer. */
export function quote(request: QuoteRequest): Quote {
  const weightKg = request.parcels.reduce((sum, parcel) => sum + parcel.weightKg, 0);
  const carrier = weightKg <= PARCEL_POST_LIMIT_KG ? 'parcel-post' : 'freight';
  const [base, perKg] = carrier === 'parcel-post' ? [499, 120] : [1990, 80];
  const zone = Number.parseInt(request.address.postcode.replace(/\D/g, '').slice(0, 1) || '0', 10);
  return { carrier, priceCents: base + perKg * Math.ceil(weightKg), etaDays: 1 + (zone % 3) };
}

/** The day `days` after `today`, as an ISO date. */
export function addDays(today: Date, days: number): string {
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
