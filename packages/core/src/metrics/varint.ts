/** Appends a non-negative integer (up to 2^53) as a little-endian base-128 varint. */
export function writeVarint(bytes: number[], value: number): void {
  let rest = Math.floor(value);
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
}

/**
 * Reads a varint at `at.offset` and moves the offset past it.
 * @throws RangeError when the bytes end inside the varint
 */
export function readVarint(bytes: Uint8Array, at: { offset: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at.offset++];
    if (byte === undefined) throw new RangeError('truncated varint');
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
    if (scale > 2 ** 56) throw new RangeError('varint too long');
  }
}
