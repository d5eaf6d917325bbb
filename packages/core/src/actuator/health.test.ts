import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { aggregateStatus, Health, httpStatusOf } from './health.js';

function captured() {
  const lines: string[] = [];
  const logger = createLogger({
    destination: new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) }),
  });
  return { logger, lines };
}

describe('health', () => {
  it('aggregates to the worst status: DOWN over OUT_OF_SERVICE over DEGRADED over UP', () => {
    expect(aggregateStatus([])).toBe('UP');
    expect(aggregateStatus(['UP', 'DEGRADED'])).toBe('DEGRADED');
    expect(aggregateStatus(['DEGRADED', 'OUT_OF_SERVICE', 'UP'])).toBe('OUT_OF_SERVICE');
    expect(aggregateStatus(['OUT_OF_SERVICE', 'DOWN', 'DEGRADED'])).toBe('DOWN');
    expect([
      httpStatusOf('UP'),
      httpStatusOf('DEGRADED'),
      httpStatusOf('OUT_OF_SERVICE'),
      httpStatusOf('DOWN'),
    ]).toEqual([200, 200, 503, 503]);
  });

  it('is not ready while starting or stopping, and stays live', async () => {
    const health = new Health(1000, captured().logger);
    expect((await health.check('readiness')).status).toBe('OUT_OF_SERVICE');
    health.setLifecycle('ready');
    expect((await health.check('readiness')).status).toBe('UP');
    health.setLifecycle('stopping');
    expect((await health.check('readiness')).status).toBe('DOWN');
    expect((await health.check('liveness')).status).toBe('UP');
  });

  it('puts indicators in readiness by default, and only in the groups they name otherwise', async () => {
    const health = new Health(1000, captured().logger);
    health.setLifecycle('ready');
    health.add({ name: 'db', check: () => ({ status: 'DOWN' }) });
    health.add({ name: 'loop', groups: ['liveness'], check: () => ({ status: 'DEGRADED' }) });
    expect(await health.check('readiness')).toEqual({
      status: 'DOWN',
      components: { db: { status: 'DOWN' }, lifecycle: { status: 'UP', details: { state: 'ready' } } },
    });
    expect(await health.check('liveness')).toEqual({
      status: 'DEGRADED',
      components: { loop: { status: 'DEGRADED' } },
    });
    expect((await health.check()).status).toBe('DOWN');
  });

  it('counts an indicator that throws as DOWN, logging the error but never showing it', async () => {
    const { logger, lines } = captured();
    const health = new Health(1000, logger);
    health.add({
      name: 'registry',
      check: () => Promise.reject(new Error('connect ECONNREFUSED etcd://root:pw@10.0.0.1')),
    });
    const report = await health.check('readiness');
    expect(report.components['registry']).toEqual({ status: 'DOWN', details: { reason: 'error' } });
    expect(JSON.stringify(report)).not.toContain('pw@');
    expect(lines.join('')).toContain('health indicator failed');
  });

  it('counts an indicator slower than the timeout as DOWN', async () => {
    vi.useFakeTimers();
    try {
      const health = new Health(2000, captured().logger);
      health.add({ name: 'slow', check: () => new Promise(() => undefined) });
      const report = health.check('readiness');
      await vi.advanceTimersByTimeAsync(2000);
      expect((await report).components['slow']).toEqual({ status: 'DOWN', details: { reason: 'timeout' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses two indicators of one name', () => {
    const health = new Health(1000, captured().logger);
    const remove = health.add({ name: 'db', check: () => ({ status: 'UP' }) });
    expect(() => health.add({ name: 'db', check: () => ({ status: 'UP' }) })).toThrow(
      "health indicator 'db' is already registered",
    );
    remove();
    expect(() => health.add({ name: 'db', check: () => ({ status: 'UP' }) })).not.toThrow();
  });
});
