// app
export { deliveryService } from './app.js';
export type { DeliveryServiceOptions } from './app.js';

// api
export { Address, CarrierFailure, Delivery, DeliveryRequest, Parcel, Quote, QuoteRequest, quote } from './delivery.js';

// demo fault switch
export { FAULTS_ENABLED } from './fault-controller.js';
export { FaultSettings, Faults } from './faults.js';
