import type { Dispatcher } from 'undici';

type Controller = Dispatcher.DispatchController;

/** What an {@link EventStreamHandler} reports. */
export interface EventStreamCallbacks {
  /** The instance answered 200 with an event stream: bytes will follow. */
  readonly onStreaming: () => void;
  /** One chunk of the stream; throwing drops the stream with that error. */
  readonly onChunk: (chunk: Buffer) => void;
  /** Called once, with why the stream is over (a stream never ends well: it is meant to last). */
  readonly onEnd: (error: Error) => void;
}

/**
 * Receives one instance's event stream from undici's dispatch API: each chunk goes straight to
 * the caller, with no body stream, buffering or promise per chunk between (a monitor reads tens
 * of MB of events a second). Refuses an answer other than 200 `text/event-stream`, and stops the
 * request (closing its connection) when `signal` aborts or a chunk is refused.
 */
export class EventStreamHandler implements Dispatcher.DispatchHandler {
  private controller: Controller | undefined;
  private failure: Error | undefined;
  private isOver = false;
  private readonly onAbort = () => this.fail(toError(this.signal.reason));

  constructor(
    private readonly callbacks: EventStreamCallbacks,
    private readonly signal: AbortSignal,
  ) {
    if (signal.aborted) this.fail(toError(signal.reason));
    else signal.addEventListener('abort', this.onAbort, { once: true });
  }

  onRequestStart(controller: Controller): void {
    this.controller = controller;
    if (this.failure !== undefined) controller.abort(this.failure);
    else if (this.signal.aborted) this.fail(toError(this.signal.reason));
  }

  onResponseStart(
    controller: Controller,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    // The raw header buffers are views of the first socket read (64 KB): dropped, not kept for
    // the life of the stream.
    controller.rawHeaders = null;
    const type = String(headers['content-type'] ?? '');
    if (statusCode !== 200 || !type.startsWith('text/event-stream')) {
      this.fail(new Error(`answered ${statusCode} ${type || 'without a content type'}, not an event stream`));
      return;
    }
    this.callbacks.onStreaming();
  }

  onResponseData(_controller: Controller, chunk: Buffer): void {
    if (this.failure !== undefined) return;
    try {
      this.callbacks.onChunk(chunk);
    } catch (error) {
      this.fail(toError(error));
    }
  }

  onResponseEnd(): void {
    this.end(new Error('the stream ended'));
  }

  onResponseError(_controller: Controller, error: Error): void {
    // After our own abort, undici reports it here: the first reason is the one that counts.
    this.end(this.failure ?? error);
  }

  /** Stops the request with `error` (undici then reports it through onResponseError). */
  private fail(error: Error): void {
    if (this.failure !== undefined || this.isOver) return;
    this.failure = error;
    // Not started yet: over now, and aborted as soon as undici starts it (see onRequestStart).
    if (this.controller === undefined) this.end(error);
    else this.controller.abort(error);
  }

  private end(error: Error): void {
    if (this.isOver) return;
    this.isOver = true;
    this.signal.removeEventListener('abort', this.onAbort);
    this.callbacks.onEnd(error);
  }
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value ?? 'aborted'));
}
