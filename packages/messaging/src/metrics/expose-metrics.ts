import type { App } from '@vitamin/core';
import { Counter, type Registry } from 'prom-client';
import type { ConsumerCounts, ConsumerMetrics } from '../consumer/consumer-metrics.js';

const OUTCOMES = [
  'handled',
  'failed',
  'retried',
  'deadLettered',
  'duplicates',
  'filtered',
] as const satisfies readonly (keyof ConsumerCounts)[];

/**
 * Shows consumer counts on an app's actuator: on `/actuator/prometheus` as
 * `vitamin_messaging_consumer_messages_total{topic, group, outcome}`, read at each scrape, and on
 * `/actuator/hystrix.stream` as one `VitaminConsumer` event per topic and group in every batch.
 * Does nothing when the app's actuator is disabled.
 */
export function exposeMessagingMetrics(app: App, metrics: ConsumerMetrics): void {
  const registry: Registry | undefined = app.actuator?.metrics.registry;
  if (registry === undefined) return;
  app.actuator!.stream.addEvents(() =>
    metrics
      .snapshot()
      .map((counts) => ({ type: 'VitaminConsumer', name: `${counts.topic}/${counts.group}`, ...counts })),
  );
  const counter: Counter<'topic' | 'group' | 'outcome'> = new Counter({
    name: 'vitamin_messaging_consumer_messages_total',
    help: 'Messages seen by each consumer group, by outcome (handled, failed, retried, deadLettered, duplicates, filtered).',
    labelNames: ['topic', 'group', 'outcome'],
    registers: [registry],
    collect() {
      counter.reset();
      for (const counts of metrics.snapshot()) {
        for (const outcome of OUTCOMES) {
          counter.inc({ topic: counts.topic, group: counts.group, outcome }, counts[outcome]);
        }
      }
    },
  });
}
