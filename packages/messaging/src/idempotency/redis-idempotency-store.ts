import { Redis, type RedisOptions } from 'ioredis';
import type { ClaimResult, IdempotencyStore } from './idempotency-store.js';

/** Options of {@link RedisIdempotencyStore}. */
export interface RedisIdempotencyStoreOptions {
  /**
   * Redis URL.
   * @defaultValue `'redis://127.0.0.1:6379'`
   */
  url?: string;
  /**
   * Prefix of every key this store writes.
   * @defaultValue `'vitamin:idem:'`
   */
  prefix?: string;
  /** Extra ioredis options. */
  redis?: RedisOptions;
}

/** The defaults of {@link RedisIdempotencyStoreOptions}. */
export const DEFAULT_REDIS_IDEMPOTENCY_STORE_OPTIONS: Readonly<{ url: string; prefix: string }> = Object.freeze({
  url: 'redis://127.0.0.1:6379',
  prefix: 'vitamin:idem:',
});

const CLAIMED = 'claimed';
const DONE = 'done';

/**
 * Claims atomically: SET NX with the claim's TTL, or report what holds the key. One round trip.
 * KEYS[1] key; ARGV[1] claim ttl ms.
 */
const CLAIM = `
if redis.call('SET', KEYS[1], '${CLAIMED}', 'NX', 'PX', ARGV[1]) then return 'claimed' end
local v = redis.call('GET', KEYS[1])
if v == '${DONE}' then return 'done' end
if v == false then
  redis.call('SET', KEYS[1], '${CLAIMED}', 'PX', ARGV[1])
  return 'claimed'
end
return 'busy'`;

/** Deletes a claim, never a done mark. */
const RELEASE = `if redis.call('GET', KEYS[1]) == '${CLAIMED}' then return redis.call('DEL', KEYS[1]) end return 0`;

/** An {@link IdempotencyStore} in Redis, shared by every instance of a consumer group. */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(options: RedisIdempotencyStoreOptions = {}) {
    this.prefix = options.prefix ?? DEFAULT_REDIS_IDEMPOTENCY_STORE_OPTIONS.prefix;
    this.redis = new Redis(options.url ?? DEFAULT_REDIS_IDEMPOTENCY_STORE_OPTIONS.url, {
      maxRetriesPerRequest: 3,
      ...options.redis,
    });
  }

  async claim(key: string, claimTtlMs: number): Promise<ClaimResult> {
    return (await this.redis.eval(CLAIM, 1, this.prefix + key, claimTtlMs)) as ClaimResult;
  }

  async complete(key: string, retentionMs: number): Promise<void> {
    await this.redis.set(this.prefix + key, DONE, 'PX', retentionMs);
  }

  async release(key: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.prefix + key);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
