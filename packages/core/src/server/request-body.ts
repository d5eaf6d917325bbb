import type { IncomingMessage } from 'node:http';
import { parseUntrustedJson } from '../json/parse-untrusted-json.js';
import { VitaminError } from '../errors/vitamin-error.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads and parses a JSON request body. Empty bodies give `undefined`; bodies over `limit` bytes,
 * non-JSON content types and malformed JSON are refused with 413, 415 and 400. Keys such as
 * `__proto__` and `constructor.prototype` are dropped, so a body can never pollute an object.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
  if (declared === '0') return undefined;

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  if (size === 0) return undefined;

  const type = req.headers['content-type'];
  if (type === undefined || !JSON_TYPE.test(type)) {
    throw new VitaminError(
      'VITAMIN_E_UNSUPPORTED_MEDIA_TYPE',
      `Request body must be JSON (content-type application/json), got '${type ?? 'none'}'`,
    );
  }
  const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
  try {
    return parseUntrustedJson(text);
  } catch (error) {
    throw new VitaminError('VITAMIN_E_BAD_JSON', `Request body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge(limit: number): VitaminError {
  return new VitaminError('VITAMIN_E_BODY_TOO_LARGE', `Request body is larger than ${limit} bytes`);
}
