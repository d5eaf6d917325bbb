import { VitaminError } from '@vitamin/core';
import { JetStreamTransport } from '../jetstream/jetstream-transport.js';
import { RabbitMqTransport } from '../rabbitmq/rabbitmq-transport.js';
import type { MessageTransport } from '../transport/message-transport.js';

/**
 * The transport a broker URL names: `amqp:`/`amqps:` → RabbitMQ, `nats:`/`tls:` → NATS JetStream.
 * @throws VitaminError `VITAMIN_E_CONFIG` for any other URL (the message never repeats credentials)
 */
export function transportFromUrl(url: string): MessageTransport {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      'The broker URL is not a URL: use amqp://host:5672 or nats://host:4222.',
    );
  }
  if (protocol === 'amqp:' || protocol === 'amqps:') return new RabbitMqTransport({ url });
  if (protocol === 'nats:' || protocol === 'tls:') return new JetStreamTransport({ servers: url });
  throw new VitaminError(
    'VITAMIN_E_CONFIG',
    `Unsupported broker URL scheme '${protocol}': use amqp:// (RabbitMQ) or nats:// (NATS JetStream).`,
  );
}
