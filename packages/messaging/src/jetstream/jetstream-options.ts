/** Options of {@link JetStreamTransport}. */
export interface JetStreamTransportOptions {
  /**
   * NATS server URL(s).
   * @defaultValue `'nats://127.0.0.1:4222'`
   */
  servers?: string | string[];
  /**
   * First token of every subject vitamin uses (`<prefix>.ev.<topic>`, `<prefix>.dlq.<group>.<topic>`).
   * @defaultValue `'vitamin'`
   */
  subjectPrefix?: string;
  /**
   * Prefix of stream names: one stream per topic, `<prefix>_<topic with . as _>`, and `<prefix>_DLQ`.
   * @defaultValue `'VITAMIN'`
   */
  streamPrefix?: string;
  /**
   * How long the server waits for an acknowledgement before redelivering, in ms. Longer than the
   * slowest handler.
   * @defaultValue `30000`
   */
  ackWaitMs?: number;
  /**
   * Window in which the stream drops a message whose `Nats-Msg-Id` (the message id) it already has, in ms.
   * @defaultValue `120000`
   */
  duplicateWindowMs?: number;
  /**
   * How long a topic stream keeps messages, in ms (dead letters are kept until redriven).
   * @defaultValue `604800000` (7 days)
   */
  maxAgeMs?: number;
  /**
   * Deliveries the server allows beyond a subscription's `maxAttempts` before it gives up on a message
   * (`max_deliver = maxAttempts + deliveryMargin`) and the MAX_DELIVERIES advisory moves it to the DLQ.
   * Room for deliveries that are not the handler's failures: a consumer that crashed with the message
   * in hand, an expired ack wait, another instance still holding the idempotency claim.
   * @defaultValue `3`
   */
  deliveryMargin?: number;
  /**
   * Stream replicas (1 on a single server; 3 in a production cluster).
   * @defaultValue `1`
   */
  replicas?: number;
}

/** {@link JetStreamTransportOptions} with every field resolved. */
export type ResolvedJetStreamTransportOptions = Required<JetStreamTransportOptions>;

/** The defaults of {@link JetStreamTransportOptions}. */
export const DEFAULT_JETSTREAM_TRANSPORT_OPTIONS: ResolvedJetStreamTransportOptions = Object.freeze({
  servers: 'nats://127.0.0.1:4222',
  subjectPrefix: 'vitamin',
  streamPrefix: 'VITAMIN',
  ackWaitMs: 30_000,
  duplicateWindowMs: 120_000,
  maxAgeMs: 604_800_000,
  deliveryMargin: 3,
  replicas: 1,
});

/** Fills in defaults; `undefined` fields take the default. */
export function resolveJetStreamTransportOptions(
  options: JetStreamTransportOptions = {},
): ResolvedJetStreamTransportOptions {
  const resolved = { ...DEFAULT_JETSTREAM_TRANSPORT_OPTIONS };
  for (const [key, value] of Object.entries(options) as [keyof JetStreamTransportOptions, never][]) {
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}
