/**
 * Writes a non-negative integer (up to 2^53) as a little-endian base-128 varint at `offset` (at
 * most 8 bytes); returns the offset after it.
 */
export function writeVarint(bytes: Uint8Array, offset: number, value: number): number {
  let rest = Math.floor(value);
  while (rest >= 0x80) {
    bytes[offset++] = (rest % 0x80) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  bytes[offset++] = rest;
  return offset;
}

/**
 * Reads a varint at `at.offset` and moves the offset past it; bytes from `end` on are not read.
 * @throws RangeError when the bytes end inside the varint
 */
export function readVarint(bytes: Uint8Array, at: { offset: number }, end = bytes.length): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (at.offset >= end) throw new RangeError('truncated varint');
    const byte = bytes[at.offset++]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
    if (scale > 2 ** 56) throw new RangeError('varint too long');
  }
}
