import { RabbitMqTransport } from '@vitamin/messaging';
import { deleteRabbitMqQueues } from './support/broker-cleanup.js';
import { BROKERS, unreachable } from './support/brokers.js';
import { describeTransportContract } from './support/transport-contract.js';

const skip = await unreachable('rabbitmq');
describeTransportContract(
  'RabbitMQ',
  () => new RabbitMqTransport({ url: BROKERS.rabbitmq.url }),
  skip,
  deleteRabbitMqQueues,
);
