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

/**
 * `/actuator/hystrix.stream`: Server-Sent Events with one `HystrixCommand` event per command and one
 * `HystrixThreadPool` event per group on each tick. The timer runs only while a client listens; each
 * tick's events are built once and written to each client in one write (never interleaved). A
 * client whose socket still has not drained the previous batch misses this one; one whose unread
 * bytes pass `maxBufferedBytes` is disconnected, so a slow client never grows memory without bound.
 */
export class HystrixStream {
  private readonly clients = new Set<ServerResponse>();
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
    this.clients.add(res);
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
    for (const res of this.clients) {
      if (res.writableLength > this.settings.maxBufferedBytes) {
        this.logger.warn('hystrix.stream client too slow: disconnected');
        res.destroy();
        this.release(res);
      } else if (!res.writableNeedDrain) {
        res.write(batch);
      }
    }
  }

  /** Ends every client's stream (at shutdown) and stops the timer. */
  close(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
    this.stopTimer();
  }

  private batch(): string {
    const now = this.clock();
    let text = '';
    for (const command of this.source.commands()) text += `data: ${JSON.stringify(hystrixCommandEvent(command, now))}\n\n`;
    for (const group of this.source.groups()) text += `data: ${JSON.stringify(hystrixThreadPoolEvent(group, now))}\n\n`;
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
