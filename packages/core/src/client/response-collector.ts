import type { Dispatcher } from 'undici';
import type { AbortFanout, AbortListener } from './abort-fanout.js';
import type { TransportRequest, TransportResponse } from './transport.js';
import { transportError } from './transport-errors.js';

type Controller = Dispatcher.DispatchController;

/**
 * Receives one response from undici's dispatch API and collects its body as text. Compared with
 * `pool.request()`, no body stream, async resource or per-request abort listener on an
 * AbortSignal is created: undici's request() with a signal cost a fifth of the client's
 * throughput (docs/benchmarks.md). Aborts arrive through the command's {@link AbortFanout}.
 */
export class ResponseCollector implements Dispatcher.DispatchHandler, AbortListener {
  private controller: Controller | undefined;
  private abortReason: unknown = undefined;
  private status = 0;
  private contentType: string | undefined;
  private readonly chunks: Buffer[] = [];

  constructor(
    private readonly resolve: (response: TransportResponse) => void,
    private readonly reject: (error: unknown) => void,
    private readonly request: TransportRequest,
    private readonly fanout: AbortFanout | undefined,
  ) {
    fanout?.add(this);
  }

  /** Aborts now if the request is under way, or as soon as undici starts it. */
  onAbort(reason: unknown): void {
    this.abortReason = reason ?? new Error('aborted');
    this.controller?.abort(this.abortReason as Error);
  }

  onRequestStart(controller: Controller): void {
    this.controller = controller;
    if (this.abortReason !== undefined) controller.abort(this.abortReason as Error);
  }

  onResponseStart(
    _controller: Controller,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    this.status = statusCode;
    const contentType = headers['content-type'];
    this.contentType = Array.isArray(contentType) ? contentType[0] : contentType;
  }

  onResponseData(_controller: Controller, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    this.fanout?.delete(this);
    const { chunks } = this;
    const body = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
    this.resolve({ status: this.status, contentType: this.contentType, body });
  }

  onResponseError(_controller: Controller, error: Error): void {
    this.fanout?.delete(this);
    this.reject(transportError(error, this.request));
  }
}
