import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sends `body` as JSON, never cached. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/** Sends an error in vitamin's error shape: `{ error: { code, message } }`. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

/** Most bytes of a request body the monitor reads (admin actions are tiny). */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * Reads a small JSON request body.
 * @throws RangeError when it is larger than 16 KiB, SyntaxError when it is not JSON
 */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += (chunk as Buffer).toString('utf8');
    if (text.length > MAX_BODY_BYTES) throw new RangeError(`request body larger than ${MAX_BODY_BYTES} bytes`);
  }
  return text === '' ? undefined : JSON.parse(text);
}
