/** Where each part of the running demo is. */
export interface DemoAddresses {
  readonly registry: string;
  readonly order: Located;
  readonly deliveries: readonly Located[];
  readonly rate: number;
  readonly monitor: { readonly url: string; readonly adminToken: string };
}

interface Located {
  readonly instance: string;
  readonly url: string;
  readonly pid: number;
}

/** Command key of order-service's call to delivery-service (the operationId in delivery's OpenAPI). */
export const DELIVERY_COMMAND = 'scheduleDelivery';

const JSON_HEADER = `-H 'content-type: application/json'`;
const SAMPLE_ORDER = JSON.stringify({
  item: 'kettle',
  quantity: 1,
  weightKg: 1.2,
  address: { street: '1 Quay St', city: 'Leith', postcode: 'EH6 6AA' },
});

/** What the demo prints once everything runs: the URLs, the monitor's admin token, and curl lines to try. */
export function banner({ registry, order, deliveries, rate, monitor }: DemoAddresses): string {
  const [first] = deliveries;
  const width = Math.max(...[order, ...deliveries].map((p) => p.instance.length)) + 2;
  const row = (p: Located) => `  ${p.instance.padEnd(width)} ${p.url}   (pid ${p.pid})`;
  const faults = (body: string) => `curl -s -XPUT ${first!.url}/demo/faults ${JSON_HEADER} -d '${body}'`;
  const circuit = (action: string) =>
    `curl -s -XPOST ${monitor.url}/api/instances/order-service/${order.instance}/circuitbreakers/${DELIVERY_COMMAND} ` +
    `-H 'authorization: Bearer ${monitor.adminToken}' ${JSON_HEADER} -d '{"action":"${action}"}'`;
  return [
    `vitamin demo: order-service → delivery-service, discovery through the ${registry}`,
    '',
    row(order),
    ...deliveries.map(row),
    `  ${'load'.padEnd(width)} ${rate} orders/s → POST ${order.url}/orders`,
    `  ${'dashboard'.padEnd(width)} ${monitor.url}   (the monitor, in this process: open it in a browser)`,
    `  ${'admin token'.padEnd(width)} ${monitor.adminToken}   (type it into the dashboard to force circuits and change log levels)`,
    '',
    'Try:',
    '  # place an order; "delivery.instance" says which delivery-service instance booked it',
    `  curl -s -XPOST ${order.url}/orders ${JSON_HEADER} -d '${SAMPLE_ORDER}'`,
    `  # make ${first!.instance} fail every booking: within seconds the circuit opens and`,
    '  # orders are accepted with "delivery": {"status": "pending"} (the fallback)',
    `  ${faults('{"failureRate":1}')}`,
    `  # or make it slow, beyond order-service's 1 s limit on the call`,
    `  ${faults('{"latencyMs":1500}')}`,
    '  # back to normal: the circuit closes again after its 5 s sleep window',
    `  ${faults('{}')}`,
    '  # what the dashboard reads: the metrics of both delivery instances merged, every instance and its state',
    `  curl -sN '${monitor.url}/turbine.stream?cluster=delivery-service'`,
    `  curl -s ${monitor.url}/api/instances`,
    `  # force order-service's circuit to delivery-service open through the monitor, as the dashboard's`,
    '  # Instances view does (every order then falls back), and hand it back to its own judgement',
    `  ${circuit('forceOpen')}`,
    `  ${circuit('reset')}`,
    '  # the API of delivery-service',
    `  curl -s ${first!.url}/openapi.json`,
    '',
    'Every 2 s: the orders of the last 2 s and the circuit of order-service → delivery-service. Ctrl-C stops everything.',
  ].join('\n');
}
