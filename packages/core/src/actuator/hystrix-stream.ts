import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logging/logger.js';
import { hystrixCommandEvent, hystrixThreadPoolEvent } from './hystrix-format.js';
import type { CommandMetricsSource } from './metrics-source.js';
import { sendRefusal } from './reply.js';

/** Options of a {@link HystrixStream}, resolved. */
export interface HystrixStreamSettings {
  readonly intervalMs: number;
  readonly maxClients: number;
  readonly maxBufferedBytes: number;
}

/** Batches in a row a client may miss (its socket not drained) before it is disconnected. */
const MAX_MISSED_BATCHES = 10;

/**
 * `/actuator/hystrix.stream`: Server-Sent Events with one `HystrixCommand` event per command and one
 * `HystrixThreadPool` event per group on each tick. The timer runs only while a client listens; each
 * tick's events are built once and written to each client in one write (never interleaved). A
 * client whose socket has not drained the previous batch misses this one; one that missed 10 in a
 * row, or whose unread bytes pass `maxBufferedBytes`, is disconnected: a slow client holds at most
 * one batch in memory, and not for long.
 */
export class HystrixStream {
  /** Clients, with how many batches each missed in a row. */
  private readonly clients = new Map<ServerResponse, number>();
  /** Other components' events (each with its own `type`), sent in every batch after the commands. */
  private readonly extraSources: (() => readonly object[])[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly source: CommandMetricsSource,
    private readonly settings: HystrixStreamSettings,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Clients connected now. */
  get clientCount(): number {
    return this.clients.size;
  }

  /** Whether the tick timer runs (only while some client listens). */
  get isRunning(): boolean {
    return this.timer !== undefined;
  }

  /** Serves one client until it disconnects or the stream closes; 503 when the stream is full. */
  serve(req: IncomingMessage, res: ServerResponse): void {
    if (this.clients.size >= this.settings.maxClients) {
      sendRefusal(res, 503, 'VITAMIN_E_STREAM_LIMIT', 'Too many stream clients');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store',
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    this.clients.set(res, 0);
    res.once('close', () => this.release(res));
    req.socket.setNoDelay(true);
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.tick(), this.settings.intervalMs);
      this.timer.unref();
    }
  }

  /** Builds one batch of events and writes it to every client. */
  tick(): void {
    let batch: string;
    try {
      batch = this.batch();
    } catch (error) {
      this.logger.error({ err: error }, 'hystrix.stream could not read command metrics');
      return;
    }
    for (const [res, missed] of this.clients) {
      if (res.writableLength > this.settings.maxBufferedBytes || missed >= MAX_MISSED_BATCHES) {
        this.logger.warn('hystrix.stream client too slow: disconnected');
        res.destroy();
        this.release(res);
      } else if (res.writableNeedDrain) {
        this.clients.set(res, missed + 1);
      } else {
        res.write(batch);
        if (missed > 0) this.clients.set(res, 0);
      }
    }
  }

  /** Ends every client's stream (at shutdown) and stops the timer. */
  close(): void {
    for (const res of this.clients.keys()) res.end();
    this.clients.clear();
    this.stopTimer();
  }

  /**
   * Adds events to every batch, such as a consumer's counts; each event names its own `type`, so
   * Hystrix dashboards skip what they do not know.
   */
  addEvents(source: () => readonly object[]): void {
    this.extraSources.push(source);
  }

  private batch(): string {
    const now = this.clock();
    let text = '';
    for (const command of this.source.commands())
      text += `data: ${JSON.stringify(hystrixCommandEvent(command, now))}\n\n`;
    for (const group of this.source.groups()) text += `data: ${JSON.stringify(hystrixThreadPoolEvent(group, now))}\n\n`;
    for (const source of this.extraSources) {
      for (const event of source()) text += `data: ${JSON.stringify({ ...event, currentTime: now })}\n\n`;
    }
    // A comment keeps proxies from timing out an idle stream, and finds dead sockets.
    return text === '' ? ': ping\n\n' : text;
  }

  private release(res: ServerResponse): void {
    this.clients.delete(res);
    if (this.clients.size === 0) this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
