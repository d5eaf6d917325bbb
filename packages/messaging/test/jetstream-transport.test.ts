import { JetStreamTransport } from '@vitamin/messaging';
import { deleteJetStreamStreams } from './support/broker-cleanup.js';
import { BROKERS, unreachable } from './support/brokers.js';
import { describeTransportContract } from './support/transport-contract.js';

const skip = await unreachable('nats');
const prefix = `VTEST${process.pid}`;
describeTransportContract(
  'NATS JetStream',
  () =>
    new JetStreamTransport({ servers: BROKERS.nats.url, streamPrefix: prefix, subjectPrefix: prefix.toLowerCase() }),
  skip,
  () => deleteJetStreamStreams(prefix),
);
