import { InMemoryTransport } from '@vitamin/messaging';
import { describeTransportContract } from './support/transport-contract.js';

describeTransportContract('in-memory', () => new InMemoryTransport());
