import type { JetStreamClient, JetStreamManager, StoredMsg } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  deadLetterHeaders,
  HEADERS,
  toDeadLetter,
  withoutDeadLetterHeaders,
  type DeadLetter,
  type MessageHeaders,
} from '../message/message.js';
import { fromNatsHeaders, toNatsHeaders } from './jetstream-headers.js';
import type { JetStreamNames } from './jetstream-names.js';

/** What the server publishes when a consumer reaches `max_deliver` for a message. */
interface MaxDeliveriesAdvisory {
  stream: string;
  consumer: string;
  stream_seq: number;
  deliveries: number;
}

/**
 * The dead-letter stream: moves messages there (deduplicated by their stream position, so that the
 * handler's own move and the advisory-driven one never make two copies), lists and redrives them.
 */
export class JetStreamDeadLetters {
  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly names: JetStreamNames,
  ) {}

  /** Stores a dead letter; `stream`/`seq` name the original, so a second move of it is dropped. */
  async put(group: string, topic: string, body: Uint8Array, headers: MessageHeaders, stream: string, seq: number) {
    await this.js.publish(this.names.deadLetterSubject(group, topic), body, {
      msgID: `dlq:${stream}:${seq}`,
      headers: toNatsHeaders(headers),
    });
  }

  /**
   * Moves to the DLQ every message the server gives up on (`max_deliver` reached: the consumer crashed
   * or timed out on it each time), from the MAX_DELIVERIES advisory of the consumer.
   */
  watchMaxDeliveries(nc: NatsConnection, stream: string, durable: string, group: string): Subscription {
    return nc.subscribe(`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.${durable}`, {
      callback: (error, msg) => {
        if (error !== null) return;
        const advisory = msg.json<MaxDeliveriesAdvisory>();
        void this.moveStored(group, advisory).catch(() => undefined);
      },
    });
  }

  async list(group: string, limit: number): Promise<DeadLetter[]> {
    const letters: DeadLetter[] = [];
    for await (const stored of this.scan(group)) {
      if (letters.length >= limit) break;
      letters.push(toDeadLetter(this.envelope(stored)));
    }
    return letters;
  }

  /** Publishes dead letters to the group's redrive subject (that group only), then deletes them here. */
  async redrive(group: string, ids: readonly string[] | undefined, ensureTopic: (topic: string) => Promise<void>) {
    let moved = 0;
    for await (const stored of this.scan(group)) {
      const envelope = this.envelope(stored);
      if (ids !== undefined && !ids.includes(envelope.id)) continue;
      await ensureTopic(envelope.topic);
      await this.js.publish(this.names.redriveSubject(group, envelope.topic), stored.data, {
        msgID: `redrive:${stored.seq}`,
        headers: toNatsHeaders(withoutDeadLetterHeaders(envelope.headers)),
      });
      await this.jsm.streams.deleteMessage(this.names.deadLetterStream, stored.seq);
      moved++;
    }
    return moved;
  }

  private async moveStored(group: string, advisory: MaxDeliveriesAdvisory): Promise<void> {
    const stored = await this.jsm.streams.getMessage(advisory.stream, { seq: advisory.stream_seq });
    if (stored === null) return;
    const envelope = this.envelope(stored);
    const error = `delivered ${advisory.deliveries} times without being settled (the consumer crashed or timed out)`;
    const headers = { ...envelope.headers, ...deadLetterHeaders('max-deliveries', error, advisory.deliveries) };
    await this.put(group, envelope.topic, stored.data, headers, advisory.stream, advisory.stream_seq);
  }

  private async *scan(group: string): AsyncGenerator<StoredMsg> {
    const subject = this.names.deadLetterSubjects(group);
    let seq = 1;
    for (;;) {
      let stored: StoredMsg | null;
      try {
        // next_by_subj: the first message on the group's subjects at or after seq.
        stored = await this.jsm.streams.getMessage(this.names.deadLetterStream, {
          seq,
          next_by_subj: subject,
        } as unknown as { seq: number });
      } catch {
        return; // no further message
      }
      if (stored === null) return;
      yield stored;
      seq = stored.seq + 1;
    }
  }

  private envelope(stored: StoredMsg) {
    const headers = fromNatsHeaders(stored.header);
    const topic = headers[HEADERS.topic] ?? stored.subject.split('.').slice(3).join('.');
    return { id: headers[HEADERS.id] ?? `${stored.seq}`, topic, key: headers[HEADERS.key], headers, body: stored.data };
  }
}
