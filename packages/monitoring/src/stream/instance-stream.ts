import type { Dispatcher } from 'undici';
import { request } from 'undici';
import type { Logger } from '@vitamin/core';
import { readSample, type CommandSample, type PoolSample } from './hystrix-sample.js';
import { SseReader } from './sse-reader.js';

/** Where an instance's stream is: `dropped` carries the reason until the next connection. */
export type StreamState = 'connecting' | 'streaming' | 'dropped' | 'stopped';

/** What an {@link InstanceStream} needs. */
export interface InstanceStreamSettings {
  readonly url: string;
  readonly token: string | undefined;
  readonly staleAfterMs: number;
  readonly reconnectMinMs: number;
  readonly reconnectMaxMs: number;
  readonly dispatcher: Dispatcher;
  readonly logger: Logger;
  /** Names the instance in logs (`cluster/id`). */
  readonly label: string;
  readonly onSample: (sample: CommandSample | PoolSample) => void;
  /** Called when the stream is dropped: everything it sent so far must leave the aggregate. */
  readonly onDrop: (reason: string) => void;
}

/**
 * Follows one instance's `/actuator/hystrix.stream`. A stream that answers anything but 200 with
 * `text/event-stream`, sends no byte for `staleAfterMs`, or sends an event that is not a valid
 * Hystrix event is dropped with the reason logged, then reconnected after a delay that doubles
 * on each failure (with jitter) up to `reconnectMaxMs`.
 */
export class InstanceStream {
  state: StreamState = 'connecting';
  /** Why the stream was last dropped. */
  reason: string | undefined;
  /** When the last valid event arrived, in ms since the epoch. */
  lastEventAt: number | undefined;
  private failures = 0;
  private readonly abort = new AbortController();
  private wake: (() => void) | undefined;
  private readonly done: Promise<void>;

  constructor(private readonly settings: InstanceStreamSettings) {
    this.done = this.run();
  }

  /** Stops following the stream and closes its connection. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    this.abort.abort();
    this.wake?.();
    await this.done;
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      const startedAt = Date.now();
      try {
        await this.follow();
      } catch (error) {
        if (this.abort.signal.aborted) return;
        this.drop(describe(error));
      }
      if (this.abort.signal.aborted) return;
      // A connection that streamed for a while was healthy: the next failure starts over.
      if (Date.now() - startedAt > 2 * this.settings.staleAfterMs) this.failures = 0;
      await this.pause(this.delay());
    }
  }

  /** Connects once and reads until the stream fails; the connection is closed whatever happens. */
  private async follow(): Promise<void> {
    const connection = new AbortController();
    try {
      await this.read(AbortSignal.any([this.abort.signal, connection.signal]));
    } finally {
      connection.abort();
    }
  }

  private async read(signal: AbortSignal): Promise<void> {
    const { settings } = this;
    this.state = 'connecting';
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (settings.token !== undefined) headers['authorization'] = `Bearer ${settings.token}`;
    const response = await request(settings.url, {
      dispatcher: settings.dispatcher,
      headers,
      headersTimeout: settings.staleAfterMs,
      bodyTimeout: settings.staleAfterMs,
      signal,
    });
    const type = String(response.headers['content-type'] ?? '');
    if (response.statusCode !== 200 || !type.startsWith('text/event-stream')) {
      throw new Error(`answered ${response.statusCode} ${type || 'without a content type'}, not an event stream`);
    }
    this.state = 'streaming';
    this.reason = undefined;
    const reader = new SseReader();
    response.body.setEncoding('utf8');
    for await (const chunk of response.body as AsyncIterable<string>) {
      let samples: (CommandSample | PoolSample | undefined)[];
      try {
        samples = reader.push(chunk).map(readSample);
      } catch (error) {
        throw new GarbageError((error as Error).message);
      }
      for (const sample of samples) {
        if (sample === undefined) continue;
        this.lastEventAt = Date.now();
        settings.onSample(sample);
      }
    }
    throw new Error('the stream ended');
  }

  private drop(reason: string): void {
    this.failures++;
    this.state = 'dropped';
    this.reason = reason;
    this.settings.onDrop(reason);
    this.settings.logger.warn({ instance: this.settings.label, reason }, 'monitor dropped an instance stream');
  }

  private delay(): number {
    const { reconnectMinMs, reconnectMaxMs } = this.settings;
    const base = Math.min(reconnectMaxMs, reconnectMinMs * 2 ** Math.min(20, Math.max(0, this.failures - 1)));
    return base / 2 + Math.random() * (base / 2);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** The instance sent something that is not a valid event stream. */
class GarbageError extends Error {}

function describe(error: unknown): string {
  if (error instanceof GarbageError) return `sent garbage: ${error.message}`;
  const e = error as { code?: string; message?: string };
  if (e.code === 'UND_ERR_BODY_TIMEOUT' || e.code === 'UND_ERR_HEADERS_TIMEOUT') return 'stopped answering (timeout)';
  return e.code !== undefined && e.code !== '' ? `${e.code}: ${e.message ?? ''}` : (e.message ?? String(error));
}
