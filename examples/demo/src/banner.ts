/** Where each part of the running demo is. */
export interface DemoAddresses {
  readonly registry: string;
  readonly order: Located;
  readonly deliveries: readonly Located[];
  readonly rate: number;
}

interface Located {
  readonly instance: string;
  readonly url: string;
  readonly pid: number;
}

const JSON_HEADER = `-H 'content-type: application/json'`;
const SAMPLE_ORDER = JSON.stringify({
  item: 'kettle',
  quantity: 1,
  weightKg: 1.2,
  address: { street: '1 Quay St', city: 'Leith', postcode: 'EH6 6AA' },
});

/** What the demo prints once everything runs: the URLs, and curl lines to try. */
export function banner({ registry, order, deliveries, rate }: DemoAddresses): string {
  const [first, second] = deliveries;
  const width = Math.max(...[order, ...deliveries].map((p) => p.instance.length)) + 2;
  const row = (p: Located) => `  ${p.instance.padEnd(width)} ${p.url}   (pid ${p.pid})`;
  const faults = (body: string) => `curl -s -XPUT ${first!.url}/demo/faults ${JSON_HEADER} -d '${body}'`;
  return [
    `vitamin demo: order-service → delivery-service, discovery through the ${registry}`,
    '',
    row(order),
    ...deliveries.map(row),
    `  ${'load'.padEnd(width)} ${rate} orders/s → POST ${order.url}/orders`,
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
    '  # the circuits of order-service, the metric stream of an instance, the API of delivery-service',
    `  curl -s ${order.url}/actuator/circuitbreakers`,
    `  curl -sN ${second!.url}/actuator/hystrix.stream`,
    `  curl -s ${first!.url}/openapi.json`,
    '',
    'Every 2 s: the orders of the last 2 s and the circuit of order-service → delivery-service. Ctrl-C stops everything.',
  ].join('\n');
}
