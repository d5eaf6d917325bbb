import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpError, Inject, Param, Post, Returns } from '@vitamin/core';
import { DeliveryScheduler } from './delivery-scheduler.js';
import { Order, OrderRequest, UnknownOrder } from './order.js';
import { OrderStore } from './order-store.js';

/** The order service's API. */
@Controller('/orders')
export class OrderController {
  constructor(
    @Inject(DeliveryScheduler) private readonly deliveries: DeliveryScheduler,
    @Inject(OrderStore) private readonly store: OrderStore,
  ) {}

  @Post('', { status: 201, key: 'createOrder', summary: 'Accept an order and book its delivery' })
  @Returns(201, Order)
  async create(@Body(OrderRequest) request: OrderRequest): Promise<Order> {
    const id = randomUUID();
    const delivery = await this.deliveries.schedule(id, request);
    const { item, quantity } = request;
    return this.store.add({ id, item, quantity, status: 'accepted', createdAt: new Date().toISOString(), delivery });
  }

  @Get('/:id', { key: 'getOrder', summary: 'One order' })
  @Returns(200, Order)
  @Returns(404, UnknownOrder, 'No order with that id')
  get(@Param('id') id: string): Order {
    const order = this.store.find(id);
    if (order === undefined) throw new HttpError(404, 'no such order', { error: 'unknown-order', id });
    return order;
  }
}
