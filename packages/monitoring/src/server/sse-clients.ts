import type { ServerResponse } from 'node:http';

/** Unread bytes after which a slow stream client is disconnected. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Clients of one of the monitor's event streams. Each message is written whole (never
 * interleaved); a client whose socket has not drained skips messages, and one with more than
 * 1 MiB unread is disconnected, so a slow browser never grows the monitor's memory.
 */
export class SseClients {
  private readonly clients = new Set<ServerResponse>();

  get size(): number {
    return this.clients.size;
  }

  /** Starts the stream on `res` and keeps it until the client goes away. */
  add(res: ServerResponse, first?: string): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store',
      'x-accel-buffering': 'no',
    });
    res.write(first ?? ': connected\n\n');
    res.socket?.setNoDelay(true);
    this.clients.add(res);
    res.once('close', () => this.clients.delete(res));
  }

  /**
   * Starts one message (one or more whole SSE events) to every client ready for it: a client whose
   * socket has not drained skips it, one with more than 1 MiB unread is disconnected. Parts are
   * written as they are made, so a message of hundreds of KB never exists as one string, and no
   * part waits in memory long enough to be moved to V8's old generation.
   */
  message(): SseMessage {
    const receivers: ServerResponse[] = [];
    for (const res of this.clients) {
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        res.destroy();
        this.clients.delete(res);
      } else if (!res.writableNeedDrain) {
        receivers.push(res);
      }
    }
    return new SseMessage(receivers);
  }

  /** Ends every stream. */
  close(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

/** One message being written: every part goes to the same clients, so none gets half of it. */
export class SseMessage {
  constructor(private readonly receivers: readonly ServerResponse[]) {}

  /** True when some client receives the message (else making its parts is wasted). */
  get hasReceivers(): boolean {
    return this.receivers.length > 0;
  }

  /** Writes the next part. */
  write(part: string): void {
    for (const res of this.receivers) if (!res.destroyed) res.write(part);
  }
}
