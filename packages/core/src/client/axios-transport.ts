import axios, { type AxiosInstance } from 'axios';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';
import { transportError } from './transport-errors.js';

const keepText = (data: unknown): unknown => data;

/**
 * A transport over axios, for teams that rely on their own axios instance: its interceptors,
 * adapters and agents all apply. Redirects are not followed (a request never leaves the instance
 * it was sent to) and every status resolves, so errors are typed the same way as with undici.
 */
export class AxiosTransport implements Transport {
  readonly axios: AxiosInstance;

  constructor(instance?: AxiosInstance) {
    this.axios = instance ?? axios.create();
  }

  async request(request: TransportRequest): Promise<TransportResponse> {
    try {
      const response = await this.axios.request<string>({
        url: request.origin + request.path,
        method: request.method,
        headers: request.headers,
        data: request.body,
        timeout: request.timeoutMs,
        signal: request.signal,
        responseType: 'text',
        transformResponse: keepText,
        validateStatus: null,
        maxRedirects: 0,
      });
      const contentType = response.headers['content-type'];
      return {
        status: response.status,
        contentType: typeof contentType === 'string' ? contentType : undefined,
        body: typeof response.data === 'string' ? response.data : String(response.data ?? ''),
      };
    } catch (error) {
      throw transportError(error, request);
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
