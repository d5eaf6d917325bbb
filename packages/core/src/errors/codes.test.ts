import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './codes.js';
import { HttpError, BadRequestError } from './http-error.js';
import { isVitaminError, VitaminError } from './vitamin-error.js';

const docs = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');

describe('error catalogue', () => {
  it('lists every code in docs/errors.md with its status, and nothing else', () => {
    const rows = [...docs.matchAll(/^\| `(VITAMIN_E_\w+)` \| (\d{3}) \| (yes|no) \|/gm)];
    const documented = Object.fromEntries(
      rows.map(([, code, status, retryable]) => [code, [Number(status), retryable === 'yes']]),
    );
    const catalogue = Object.fromEntries(
      Object.entries(ERROR_CODES).map(([code, entry]) => [code, [entry.status, entry.retryable]]),
    );
    expect(documented).toEqual(catalogue);
  });

  it('recognises vitamin errors by brand, also from another copy of the package', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('vitamin.error')]: true });
    expect(isVitaminError(foreign)).toBe(true);
    expect(isVitaminError(new Error('x'))).toBe(false);
    expect(isVitaminError(null)).toBe(false);
    expect(isVitaminError(new VitaminError('VITAMIN_E_CONFIG', 'x'))).toBe(true);
  });

  it('gives HttpError its status and BadRequestError the bad-request code', () => {
    const http = new HttpError(404, 'not found', { id: 1 });
    expect([http.status, http.code, http.isBadRequest, http.body]).toEqual([404, 'VITAMIN_E_HTTP', true, { id: 1 }]);
    expect(new HttpError(503, 'down').isBadRequest).toBe(false);
    const bad = new BadRequestError('no');
    expect([bad.status, bad.code, bad.retryable]).toEqual([400, 'VITAMIN_E_BAD_REQUEST', false]);
  });
});
