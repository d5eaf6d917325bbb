import { parseUntrustedJson } from '../json/parse-untrusted-json.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json/i;

/** Parses a response body: JSON when the content type says so, the text otherwise, `undefined` when empty. */
export function parseResponseBody(contentType: string | undefined, text: string): unknown {
  if (text === '') return undefined;
  if (contentType === undefined || !JSON_TYPE.test(contentType)) return text;
  try {
    return parseUntrustedJson(text);
  } catch {
    return text;
  }
}
