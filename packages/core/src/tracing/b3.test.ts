import { describe, expect, it } from 'vitest';
import { formatB3Single, parseB3Multi, parseB3Single } from './b3.js';

const TRACE = '80f198ee56343ba864fe8b2a57d3eff7';
const SPAN = 'e457b5a2e4d86bd1';

describe('B3', () => {
  it('reads a single header with and without sampling and parent', () => {
    expect(parseB3Single(`${TRACE}-${SPAN}-1-05e3ac9a4f6e3b90`)).toEqual({
      traceId: TRACE,
      spanId: SPAN,
      sampled: true,
    });
    expect(parseB3Single(`${TRACE}-${SPAN}`)).toEqual({ traceId: TRACE, spanId: SPAN, sampled: false });
    expect(parseB3Single(`${TRACE}-${SPAN}-d`)?.sampled).toBe(true);
  });

  it('widens a 64-bit trace id to 128 bits', () => {
    expect(parseB3Single(`64fe8b2a57d3eff7-${SPAN}-1`)?.traceId).toBe(`000000000000000064fe8b2a57d3eff7`);
  });

  it.each([
    '0',
    `${TRACE}`,
    `${TRACE}-${SPAN}-2`,
    `${'0'.repeat(32)}-${SPAN}-1`,
    `${TRACE}-xyz-1`,
    `${TRACE}-${SPAN}-1-bad`,
  ])('ignores the malformed single header %j', (header) => {
    expect(parseB3Single(header)).toBeUndefined();
  });

  it('reads multi headers, with the debug flag meaning sampled', () => {
    expect(parseB3Multi({ 'x-b3-traceid': TRACE, 'x-b3-spanid': SPAN, 'x-b3-sampled': '0' })).toEqual({
      traceId: TRACE,
      spanId: SPAN,
      sampled: false,
    });
    expect(parseB3Multi({ 'x-b3-traceid': TRACE, 'x-b3-spanid': SPAN, 'x-b3-flags': '1' })?.sampled).toBe(true);
    expect(parseB3Multi({ 'x-b3-traceid': TRACE })).toBeUndefined();
    expect(parseB3Multi({ 'x-b3-traceid': [TRACE, TRACE], 'x-b3-spanid': SPAN })).toBeUndefined();
  });

  it('formats a single header', () => {
    expect(formatB3Single(TRACE, SPAN, true)).toBe(`${TRACE}-${SPAN}-1`);
  });
});
