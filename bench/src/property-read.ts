// Question: what does reading a dynamic property cost on the hot path, compared with a plain field
// read? Target: about a field access. Run: npm run build && node bench/dist/property-read.js
import { createLogger, DynamicProperty, injectValues, LayeredConfig, Value } from '@vitamin/core';

const READS = Number(process.env['READS'] ?? 100_000_000);
const ROUNDS = Number(process.env['ROUNDS'] ?? 5);

class PlainHolder {
  maxItems = 10;
}

class ValueHolder {
  @Value('order.maxItems', { default: 10 })
  readonly maxItems!: number;
}

const config = new LayeredConfig({ layers: ['store'], logger: createLogger({ level: 'silent' }) });
const property = new DynamicProperty(config, 'order.maxItems', { default: 10 });
const plain = new PlainHolder();
const valued = new ValueHolder();
injectValues(valued, config);

// One function per variant, so each loop stays monomorphic; the sum keeps the reads from being removed.
function readPlain(holder: PlainHolder, reads: number): number {
  let sum = 0;
  for (let i = 0; i < reads; i++) sum += holder.maxItems;
  return sum;
}
function readProperty(holder: DynamicProperty<number>, reads: number): number {
  let sum = 0;
  for (let i = 0; i < reads; i++) sum += holder.value;
  return sum;
}
function readValueField(holder: ValueHolder, reads: number): number {
  let sum = 0;
  for (let i = 0; i < reads; i++) sum += holder.maxItems;
  return sum;
}
function readConfigGet(holder: LayeredConfig, reads: number): number {
  let sum = 0;
  for (let i = 0; i < reads; i++) sum += holder.get<number>('order.maxItems') ?? 0;
  return sum;
}

function nsPerRead(run: () => number, reads: number): number {
  const started = process.hrtime.bigint();
  const sum = run();
  const elapsed = Number(process.hrtime.bigint() - started);
  if (sum <= 0) throw new Error('reads were optimised away');
  return elapsed / reads;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const results: Record<string, number[]> = { plain: [], property: [], value: [], get: [] };
for (let round = 0; round < ROUNDS + 1; round++) {
  // Round 0 warms every variant up and is not counted; a change between rounds keeps values live.
  config.update(new Map([['store', new Map([['order.maxItems', 10 + (round % 2)]])]]));
  plain.maxItems = 10 + (round % 2);
  const plainNs = nsPerRead(() => readPlain(plain, READS), READS);
  const propertyNs = nsPerRead(() => readProperty(property, READS), READS);
  const valueNs = nsPerRead(() => readValueField(valued, READS), READS);
  const getNs = nsPerRead(() => readConfigGet(config, READS / 10), READS / 10);
  if (round === 0) continue;
  results.plain!.push(plainNs);
  results.property!.push(propertyNs);
  results.value!.push(valueNs);
  results.get!.push(getNs);
}

const base = median(results.plain!);
console.log(`property read, ${READS} reads per round, median of ${ROUNDS} rounds (ns per read, loop included)`);
console.log(`  plain field                  ${base.toFixed(3)} ns`);
for (const [name, label] of [
  ['property', 'DynamicProperty.value'],
  ['value', '@Value field'],
  ['get', 'config.get(key) (Map lookup)'],
] as const) {
  const ns = median(results[name]!);
  console.log(`  ${label.padEnd(28)} ${ns.toFixed(3)} ns   ratio to plain ${(ns / base).toFixed(2)}`);
}
if (valued.maxItems !== config.get('order.maxItems')) throw new Error('@Value field is stale');
