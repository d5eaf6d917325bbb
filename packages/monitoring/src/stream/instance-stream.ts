import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { Logger } from '@vitamin/core/fleet';
import { EventStreamHandler } from './event-stream-handler.js';
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
  /**
   * Takes one `data:` payload; returns false for events it does not aggregate.
   * @throws when the event is malformed (the stream is then dropped as sending garbage)
   */
  readonly onEvent: (payload: string, now: number) => boolean;
  /** Called when the stream is dropped: everything it sent so far must leave the aggregate. */
  readonly onDrop: () => void;
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
  private readonly done: Promise<void>;
  private readonly origin: string;
  private readonly path: string;
  private readonly headers: Record<string, string> = { accept: 'text/event-stream' };

  constructor(private readonly settings: InstanceStreamSettings) {
    const url = new URL(settings.url);
    this.origin = url.origin;
    this.path = `${url.pathname}${url.search}`;
    if (settings.token !== undefined) this.headers['authorization'] = `Bearer ${settings.token}`;
    this.done = this.run();
  }

  /** Stops following the stream and closes its connection. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    this.abort.abort();
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
      // Stop ends the wait at once (the abort rejects it, and the loop sees the signal).
      await sleep(this.delay(), undefined, { signal: this.abort.signal }).catch(() => undefined);
    }
  }

  /** Connects once and reads until the stream fails; the connection is closed whatever happens. */
  private follow(): Promise<void> {
    const { settings } = this;
    this.state = 'connecting';
    const reader = new SseReader();
    let now = 0;
    const onData = (payload: string): void => {
      if (settings.onEvent(payload, now)) this.lastEventAt = now;
    };
    return new Promise((_, reject) => {
      const handler = new EventStreamHandler(
        {
          onStreaming: () => {
            this.state = 'streaming';
            this.reason = undefined;
          },
          onChunk: (chunk) => {
            now = Date.now();
            try {
              reader.push(chunk, onData);
            } catch (error) {
              throw new GarbageError((error as Error).message);
            }
          },
          onEnd: reject,
        },
        this.abort.signal,
      );
      settings.dispatcher.dispatch(
        {
          origin: this.origin,
          path: this.path,
          method: 'GET',
          headers: this.headers,
          headersTimeout: settings.staleAfterMs,
          bodyTimeout: settings.staleAfterMs,
        },
        handler,
      );
    });
  }

  private drop(reason: string): void {
    this.failures++;
    this.state = 'dropped';
    this.reason = reason;
    this.settings.onDrop();
    this.settings.logger.warn({ instance: this.settings.label, reason }, 'monitor dropped an instance stream');
  }

  private delay(): number {
    const { reconnectMinMs, reconnectMaxMs } = this.settings;
    const base = Math.min(reconnectMaxMs, reconnectMinMs * 2 ** Math.min(20, Math.max(0, this.failures - 1)));
    return base / 2 + Math.random() * (base / 2);
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
