import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { sendRefusal } from './reply.js';

/** Decides who may call a protected endpoint. */
export interface AccessPolicy {
  /** The bearer token now configured (read on each call, so a rotated token applies at once). */
  readonly token: () => string | undefined;
  /** True when protected endpoints are served on a loopback-only management server. */
  readonly isLoopbackOnly: boolean;
}

/**
 * Whether `req` may call a protected endpoint; answers 401 (no credentials) or 403 (wrong ones)
 * itself when not. The refusal names no endpoint, token or reason beyond the status.
 */
export function admit(req: IncomingMessage, res: ServerResponse, policy: AccessPolicy): boolean {
  const token = policy.token();
  if (token === undefined || token === '') {
    if (policy.isLoopbackOnly) return true;
    sendRefusal(res, 403, 'VITAMIN_E_FORBIDDEN', 'Forbidden');
    return false;
  }
  const header = req.headers.authorization;
  if (header === undefined || !/^Bearer /i.test(header)) {
    res.setHeader('www-authenticate', 'Bearer');
    sendRefusal(res, 401, 'VITAMIN_E_UNAUTHORIZED', 'Authentication required');
    return false;
  }
  if (!sameSecret(header.slice(7).trim(), token)) {
    sendRefusal(res, 403, 'VITAMIN_E_FORBIDDEN', 'Forbidden');
    return false;
  }
  return true;
}

/**
 * Compares two secrets in time independent of where they differ and of their lengths: both are
 * hashed first, so `timingSafeEqual` always compares 32 bytes.
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Whether `host` is a loopback address (127.0.0.0/8, ::1 or `localhost`). */
export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1' || host === '[::1]') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** Whether `req` carries the right token (or needs none); never answers. */
export function isAuthorized(req: IncomingMessage, policy: AccessPolicy): boolean {
  const token = policy.token();
  if (token === undefined || token === '') return policy.isLoopbackOnly;
  const header = req.headers.authorization;
  return header !== undefined && /^Bearer /i.test(header) && sameSecret(header.slice(7).trim(), token);
}
