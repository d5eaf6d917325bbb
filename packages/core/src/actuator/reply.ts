import type { IncomingMessage, ServerResponse } from 'node:http';
import sjson from 'secure-json-parse';
import type { ErrorCode } from '../errors/codes.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Answers with `body` as JSON; `HEAD`-safe and never cached (the values are live). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/** Answers with a vitamin error envelope that names only the code and a fixed message. */
export function sendRefusal(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

/** Reads a small JSON request body (at most `limit` bytes); `undefined` when it is absent or not JSON. */
export async function readSmallJson(req: IncomingMessage, limit = 4096): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  try {
    return sjson.parse(Buffer.concat(chunks).toString('utf8'), undefined, {
      protoAction: 'remove',
      constructorAction: 'remove',
    }) as unknown;
  } catch {
    return undefined;
  }
}
