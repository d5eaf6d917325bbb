import { describe, expect, it } from 'vitest';
import { formatTraceparent, parseTraceparent, parseTracestate } from './w3c.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('parseTraceparent', () => {
  it('reads a valid header', () => {
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-01`)).toEqual({ traceId: TRACE, spanId: SPAN, sampled: true });
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-00`)).toEqual({ traceId: TRACE, spanId: SPAN, sampled: false });
  });

  it('accepts a future version with extra fields', () => {
    expect(parseTraceparent(`cc-${TRACE}-${SPAN}-01-what-the-future-holds`)?.traceId).toBe(TRACE);
  });

  it.each([
    ['all-zero trace id', `00-${'0'.repeat(32)}-${SPAN}-01`],
    ['all-zero span id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['upper case', `00-${TRACE.toUpperCase()}-${SPAN}-01`],
    ['version ff', `ff-${TRACE}-${SPAN}-01`],
    ['short trace id', `00-${TRACE.slice(1)}-${SPAN}-01`],
    ['extra field on version 00', `00-${TRACE}-${SPAN}-01-x`],
    ['sent twice', `00-${TRACE}-${SPAN}-01, 00-${TRACE}-${SPAN}-01`],
    ['garbage', '<script>alert(1)</script>'],
    ['oversized', `00-${TRACE}-${SPAN}-01-${'x'.repeat(600)}`],
    ['empty', ''],
  ])('ignores a %s header', (_what, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('ignores a header given as an array (sent twice)', () => {
    expect(parseTraceparent([`00-${TRACE}-${SPAN}-01`, `00-${TRACE}-${SPAN}-01`])).toBeUndefined();
  });

  it('formats what it parses', () => {
    expect(formatTraceparent(TRACE, SPAN, true)).toBe(`00-${TRACE}-${SPAN}-01`);
  });
});

describe('parseTracestate', () => {
  it('keeps valid members in order', () => {
    expect(parseTracestate('congo=t61rcWkgMzE, rojo=00f067aa0ba902b7')).toBe('congo=t61rcWkgMzE,rojo=00f067aa0ba902b7');
    expect(parseTracestate('tenant@vendor=value')).toBe('tenant@vendor=value');
  });

  it('drops the whole header with more than 32 members', () => {
    const members = Array.from({ length: 33 }, (_, i) => `k${i}=v`).join(',');
    expect(parseTracestate(members)).toBeUndefined();
    expect(parseTracestate(members.split(',').slice(0, 32).join(','))).toBeDefined();
  });

  it.each(['UPPER=x', 'k=', 'k=a,b', 'k=v\r\nx', '=v'])('drops a header with the malformed member %j', (header) => {
    expect(parseTracestate(header)).toBeUndefined();
  });
});
