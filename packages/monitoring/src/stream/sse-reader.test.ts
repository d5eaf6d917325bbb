import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, SseReader } from './sse-reader.js';

describe('SseReader', () => {
  it('joins data lines split across chunks and skips comments and other fields', () => {
    const reader = new SseReader();
    expect(reader.push(': connected\n\ndata: {"a"')).toEqual([]);
    expect(reader.push(':1}\r\n\nevent: x\ndata:{"b":2}\n\n: ping\n\n')).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('refuses a line longer than the limit instead of buffering it', () => {
    const reader = new SseReader();
    expect(() => reader.push(`data: ${'x'.repeat(MAX_LINE_BYTES + 1)}`)).toThrow(/longer than/);
  });
});
