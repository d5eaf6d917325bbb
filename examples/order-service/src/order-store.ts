import { Service } from '@vitamin/core';
import type { Order } from './order.js';

/** The newest orders, in memory (the oldest are forgotten beyond {@link OrderStore.capacity}). */
@Service()
export class OrderStore {
  readonly capacity = 10_000;
  private readonly orders = new Map<string, Order>();

  add(order: Order): Order {
    this.orders.set(order.id, order);
    if (this.orders.size > this.capacity) this.orders.delete(this.orders.keys().next().value!);
    return order;
  }

  find(id: string): Order | undefined {
    return this.orders.get(id);
  }
}
