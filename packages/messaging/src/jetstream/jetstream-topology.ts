import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { JetStreamNames } from './jetstream-names.js';
import type { ResolvedJetStreamTransportOptions } from './jetstream-options.js';

/** Creates a stream unless it exists (an existing one is left as its operator configured it). */
async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  try {
    await jsm.streams.info(config.name);
  } catch (error) {
    if (!(error instanceof JetStreamApiError) || error.status !== 404) throw error;
    await jsm.streams.add(config);
  }
}

/** The stream of a topic: its events and the redrives of its groups, with a dedup window. */
export function ensureTopicStream(
  jsm: JetStreamManager,
  names: JetStreamNames,
  options: ResolvedJetStreamTransportOptions,
  topic: string,
): Promise<void> {
  return ensureStream(jsm, {
    name: names.stream(topic),
    subjects: [names.subject(topic), names.redriveSubjects(topic)],
    duplicate_window: nanos(options.duplicateWindowMs),
    max_age: nanos(options.maxAgeMs),
    num_replicas: options.replicas,
  });
}

/** The stream of every group's dead letters; kept until redriven, deduplicated by message id. */
export function ensureDeadLetterStream(
  jsm: JetStreamManager,
  names: JetStreamNames,
  options: ResolvedJetStreamTransportOptions,
): Promise<void> {
  return ensureStream(jsm, {
    name: names.deadLetterStream,
    subjects: [`${options.subjectPrefix}.dlq.>`],
    duplicate_window: nanos(options.duplicateWindowMs),
    num_replicas: options.replicas,
  });
}

/**
 * A durable pull consumer with explicit acks, `max_deliver` (so that the server stops redelivering
 * and raises the MAX_DELIVERIES advisory) and `max_ack_pending` as the prefetch.
 */
export async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  durable: string,
  filterSubject: string,
  settings: { maxDeliver: number; prefetch: number; ackWaitMs: number; deliverNew: boolean },
): Promise<void> {
  const config = {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    filter_subject: filterSubject,
    max_deliver: settings.maxDeliver,
    max_ack_pending: settings.prefetch,
    ack_wait: nanos(settings.ackWaitMs),
  };
  try {
    await jsm.consumers.info(stream, durable);
    await jsm.consumers.update(stream, durable, {
      max_deliver: config.max_deliver,
      max_ack_pending: config.max_ack_pending,
      ack_wait: config.ack_wait,
    });
  } catch (error) {
    if (!(error instanceof JetStreamApiError) || error.status !== 404) throw error;
    await jsm.consumers.add(stream, {
      ...config,
      deliver_policy: settings.deliverNew ? DeliverPolicy.New : DeliverPolicy.All,
    });
  }
}
