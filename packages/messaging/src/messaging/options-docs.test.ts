import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REDIS_IDEMPOTENCY_STORE_OPTIONS } from '../idempotency/redis-idempotency-store.js';
import { DEFAULT_JETSTREAM_TRANSPORT_OPTIONS } from '../jetstream/jetstream-options.js';
import { DEFAULT_RABBITMQ_TRANSPORT_OPTIONS } from '../rabbitmq/rabbitmq-options.js';
import { DEFAULT_SUBSCRIBE_OPTIONS } from '../subscription/subscription-options.js';
import { DEFAULT_MESSAGING_OPTIONS } from './messaging-options.js';

const docs = readFileSync(new URL('../../../../docs/messaging.md', import.meta.url), 'utf8');

describe('messaging options', () => {
  it('documents every default in docs/messaging.md as the code has it', () => {
    const rows = [...docs.matchAll(/^\| `([\w.]+)` \| `([^`]+)` \|/gm)];
    const documented = Object.fromEntries(rows.map(([, name, value]) => [name, value]));
    const { backoff, ...subscribe } = DEFAULT_SUBSCRIBE_OPTIONS;
    const defaults = Object.fromEntries(
      Object.entries({
        ...subscribe,
        ...Object.fromEntries(Object.entries(backoff).map(([k, v]) => [`backoff.${k}`, v])),
        ...DEFAULT_MESSAGING_OPTIONS,
        ...DEFAULT_RABBITMQ_TRANSPORT_OPTIONS,
        ...DEFAULT_JETSTREAM_TRANSPORT_OPTIONS,
        ...Object.fromEntries(
          Object.entries(DEFAULT_REDIS_IDEMPOTENCY_STORE_OPTIONS).map(([k, v]) => [`redis.${k}`, v]),
        ),
      }).map(([k, v]) => [k, String(v)]),
    );
    expect(rows).toHaveLength(Object.keys(defaults).length);
    expect(documented).toEqual(defaults);
  });

  it('keeps handled ids far longer than the JetStream dedup window', () => {
    expect(DEFAULT_MESSAGING_OPTIONS.retentionMs).toBeGreaterThan(
      100 * DEFAULT_JETSTREAM_TRANSPORT_OPTIONS.duplicateWindowMs,
    );
  });
});
