import { randomUUID } from 'node:crypto';
import { VitaminError } from '@vitamin/core';
import type { TraceHeaders } from '../consumer/message-context.js';
import { TRACE_HEADERS } from '../consumer/message-context.js';
import { HEADERS, type MessageHeaders } from '../message/message.js';
import { checkTopic } from '../message/names.js';
import type { MessageTransport } from '../transport/message-transport.js';

/** Options of one {@link Publisher.publish} call. */
export interface PublishOptions {
  /** Partitioning or ordering key. */
  key?: string;
  /** Extra headers (names are tokens; values hold no CR, LF or NUL). */
  headers?: MessageHeaders;
  /** The message id, also the idempotency key of consumers. @defaultValue a random UUID */
  id?: string;
}

/** Gives the trace context of the current call, if any (the tracing module plugs in here). */
export type TraceContextProvider = () => TraceHeaders | undefined;

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,256}$/;
const UNSAFE = /[\r\n\0]/;

/** Publishes events; each call resolves once the broker has confirmed the message. */
export class Publisher {
  private readonly checkedTopics = new Set<string>();

  constructor(
    private readonly transport: MessageTransport,
    private readonly traceContext: TraceContextProvider | undefined = undefined,
  ) {}

  /**
   * Publishes `event` (JSON-serialised) on `topic`; resolves with the message id once confirmed.
   * @throws VitaminError `VITAMIN_E_INVALID_MESSAGE` for a bad topic, header or event, before sending
   * @throws VitaminError `VITAMIN_E_PUBLISH` when the broker does not confirm the message
   */
  async publish<T>(topic: string, event: T, options: PublishOptions = {}): Promise<string> {
    if (!this.checkedTopics.has(topic)) {
      try {
        checkTopic(topic, 'publish()');
      } catch (error) {
        throw new VitaminError('VITAMIN_E_INVALID_MESSAGE', (error as Error).message);
      }
      this.checkedTopics.add(topic);
    }
    const id = options.id ?? randomUUID();
    const headers: MessageHeaders = {};
    const trace = this.traceContext?.();
    if (trace !== undefined)
      for (const name of TRACE_HEADERS) if (trace[name] !== undefined) headers[name] = trace[name];
    if (options.headers !== undefined) {
      for (const [name, value] of Object.entries(options.headers)) {
        if (!TOKEN.test(name) || typeof value !== 'string' || UNSAFE.test(value) || name.startsWith('x-vitamin-')) {
          throw new VitaminError(
            'VITAMIN_E_INVALID_MESSAGE',
            `Refused to publish on '${topic}': header ${JSON.stringify(name)} is not a token with a string value free of CR, LF and NUL (x-vitamin-* names are reserved).`,
          );
        }
        headers[name] = value;
      }
    }
    headers[HEADERS.id] = id;
    headers[HEADERS.topic] = topic;
    if (options.key !== undefined) headers[HEADERS.key] = options.key;
    const json = JSON.stringify(event);
    if (json === undefined) {
      throw new VitaminError('VITAMIN_E_INVALID_MESSAGE', `Refused to publish on '${topic}': the event is not JSON.`);
    }
    const message = { id, topic, key: options.key, headers, body: Buffer.from(json) };
    await this.transport.publish(message);
    return id;
  }
}
