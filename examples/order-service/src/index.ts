// app
export { orderService } from './app.js';
export type { OrderServiceOptions } from './app.js';

// api
export { Order, OrderDelivery, OrderRequest, UnknownOrder } from './order.js';

// the generated client of delivery-service
export { DeliveryClient } from './generated/delivery-client/client.js';
