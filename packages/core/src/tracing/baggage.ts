/**
 * W3C Baggage: validated and passed on unchanged.
 * @see https://www.w3.org/TR/baggage/
 */

const MAX_BYTES = 8192;
const MAX_MEMBERS = 180;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;
const MEMBER = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+\s*=\s*[!#-+\--:<-[\]-~]*(?:\s*;.*)?$/;

/** The `baggage` header if it is well formed and within limits, else `undefined` (dropped whole). */
export function parseBaggage(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text === undefined || text.length === 0 || Buffer.byteLength(text) > MAX_BYTES) return undefined;
  if (CONTROL.test(text)) return undefined;
  const members = text.split(',').map((member) => member.trim());
  if (members.length > MAX_MEMBERS || !members.every((member) => MEMBER.test(member))) return undefined;
  return members.join(',');
}
