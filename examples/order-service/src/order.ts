import { z } from 'zod';

/** Body of `POST /orders`. */
export const OrderRequest = z.object({
  item: z.string().min(1).max(100),
  quantity: z.number().int().min(1).max(100),
  /** Weight of the whole order; it ships as one parcel. */
  weightKg: z.number().positive().max(30),
  address: z.object({
    street: z.string().min(1).max(200),
    city: z.string().min(1).max(100),
    postcode: z.string().regex(/^[A-Za-z0-9 -]{3,10}$/, 'a postcode of 3 to 10 letters, digits, spaces or dashes'),
  }),
});
export type OrderRequest = z.output<typeof OrderRequest>;

/** The delivery of an order: booked by delivery-service, or pending when it could not be booked now. */
export const OrderDelivery = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('scheduled'),
    id: z.string(),
    carrier: z.string(),
    priceCents: z.number().int(),
    eta: z.string(),
    instance: z.string().describe('the delivery-service instance that booked it'),
  }),
  z.object({ status: z.literal('pending'), reason: z.string() }),
]);
export type OrderDelivery = z.output<typeof OrderDelivery>;

/** An accepted order. */
export const Order = z.object({
  id: z.string(),
  item: z.string(),
  quantity: z.number().int(),
  status: z.literal('accepted'),
  createdAt: z.string(),
  delivery: OrderDelivery,
});
export type Order = z.output<typeof Order>;

/** The body of a 404. */
export const UnknownOrder = z.object({ error: z.literal('unknown-order'), id: z.string() });
