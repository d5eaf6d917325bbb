import type { ConsumeMessage, GetMessage, MessageProperties } from 'amqplib';
import { HEADERS, type MessageEnvelope, type MessageHeaders } from '../message/message.js';

/** AMQP header values as strings; structured broker headers (x-death) are left out. */
export function toHeaders(properties: MessageProperties): MessageHeaders {
  const headers: MessageHeaders = {};
  for (const [name, value] of Object.entries(properties.headers ?? {})) {
    if (typeof value === 'string') headers[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') headers[name] = String(value);
    else if (Buffer.isBuffer(value)) headers[name] = value.toString('utf8');
  }
  return headers;
}

/** The envelope of a consumed or fetched AMQP message. */
export function toEnvelope(message: ConsumeMessage | GetMessage): MessageEnvelope {
  const headers = toHeaders(message.properties);
  const id = headers[HEADERS.id] ?? (message.properties.messageId as string | undefined) ?? '';
  const topic = headers[HEADERS.topic] ?? message.fields.routingKey;
  return { id, topic, key: headers[HEADERS.key], headers, body: message.content };
}

/** The attempt a delivery is: the attempt the message was sent as, plus broker redeliveries (quorum queues count them). */
export function attemptOf(message: ConsumeMessage, headers: MessageHeaders): number {
  const sentAs = Number(headers[HEADERS.attempt] ?? 1);
  const redeliveries = Number(message.properties.headers?.['x-delivery-count'] ?? 0);
  return (Number.isFinite(sentAs) && sentAs > 0 ? sentAs : 1) + (Number.isFinite(redeliveries) ? redeliveries : 0);
}
