import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, SseReader } from './sse-reader.js';

function read(reader: SseReader, ...chunks: (string | Buffer)[]): string[] {
  const payloads: string[] = [];
  for (const chunk of chunks) reader.push(Buffer.from(chunk), (payload) => payloads.push(payload));
  return payloads;
}

describe('SseReader', () => {
  it('joins data lines split across chunks and skips comments and other fields', () => {
    const reader = new SseReader();
    expect(read(reader, ': connected\n\ndata: {"a"')).toEqual([]);
    expect(read(reader, ':1}\r\n\nevent: x\ndata:{"b":2}\n\n: ping\n\ndat', 'a: 3\n')).toEqual([
      '{"a":1}',
      '{"b":2}',
      '3',
    ]);
  });

  it('decodes a character whose bytes arrive in two chunks', () => {
    const bytes = Buffer.from('data: {"name":"größe"}\n');
    const cut = bytes.indexOf(Buffer.from('ö')) + 1;
    expect(read(new SseReader(), bytes.subarray(0, cut), bytes.subarray(cut))).toEqual(['{"name":"größe"}']);
  });

  it('joins a line longer than its first buffer, spread over several chunks', () => {
    const payload = JSON.stringify({ histogram: 'A'.repeat(10_000) });
    const bytes = Buffer.from(`data: ${payload}\n\ndata: 2\n`);
    const reader = new SseReader();
    expect(read(reader, bytes.subarray(0, 3000), bytes.subarray(3000, 7000), bytes.subarray(7000))).toEqual([
      payload,
      '2',
    ]);
    // The next line starts clean.
    expect(read(reader, 'data: 3\n')).toEqual(['3']);
  });

  it('refuses a line longer than the limit instead of buffering it', () => {
    const reader = new SseReader();
    expect(() => read(reader, 'data: ', 'x'.repeat(MAX_LINE_BYTES))).toThrow(/longer than/);
  });
});
