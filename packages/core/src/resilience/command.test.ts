import { afterEach, describe, expect, it, vi } from 'vitest';
import { InMemoryConfig } from '../config/config.js';
import { BadRequestError, HttpError } from '../errors/http-error.js';
import type { CommandRegistry } from './command-registry.js';
import type { CommandContext } from './command-types.js';
import { advance, deferred, fails, fakeTimeRegistry, neverAnswers, succeeds } from '../../test/support/commands.js';

let registry: CommandRegistry;
afterEach(() => {
  registry?.close();
  vi.useRealTimers();
});

describe('command timeout', () => {
  it('times out after 1000 ms by default and aborts the work through its signal', async () => {
    registry = fakeTimeRegistry();
    let signal: AbortSignal | undefined;
    const run = registry
      .command('a')
      .execute((_args, context) => ((signal = context.signal), neverAnswers(_args, context)), [])
      .catch((e: { code: string }) => e.code);
    await advance(999);
    expect(signal?.aborted).toBe(false);
    await advance(1);
    expect(await run).toBe('VITAMIN_E_COMMAND_TIMEOUT');
    expect(signal?.aborted).toBe(true);
    expect(registry.command('a').metrics.eventCounts().timeout).toBe(1);
  });

  it('creates no AbortController for work that never reads the signal', async () => {
    registry = fakeTimeRegistry();
    const spy = vi.spyOn(globalThis, 'AbortController');
    await registry.command('a').execute(succeeds, []);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('keeps the bulkhead permit until the aborted work really settles', async () => {
    registry = fakeTimeRegistry();
    const command = registry.command('a');
    const settle = deferred<string>();
    const run = command.execute(() => settle.promise, []).catch((e: { code: string }) => e.code);
    await advance(1000);
    expect(await run).toBe('VITAMIN_E_COMMAND_TIMEOUT');
    expect(command.bulkhead.active).toBe(1);
    settle.resolve('late');
    await advance(0);
    expect(command.bulkhead.active).toBe(0);
  });

  it('applies a changed vitamin.command.<key>.timeoutMs to the next call', async () => {
    const config = new InMemoryConfig({});
    registry = fakeTimeRegistry(config);
    const command = registry.command('a');
    config.set({ 'vitamin.command.a.timeoutMs': 50 });
    const run = command.execute(neverAnswers, []).catch((e: { code: string }) => e.code);
    await advance(50);
    expect(await run).toBe('VITAMIN_E_COMMAND_TIMEOUT');
  });

  it('runs without a deadline when timeoutEnabled is false', async () => {
    registry = fakeTimeRegistry();
    const settle = deferred<string>();
    const run = registry.command('a', { options: { timeoutEnabled: false } }).execute(() => settle.promise, []);
    await advance(60_000);
    settle.resolve('late');
    await expect(run).resolves.toBe('late');
  });
});

describe('fallback', () => {
  it.each([
    ['an error', fails, 'Error'],
    ['a timeout', neverAnswers, 'VITAMIN_E_COMMAND_TIMEOUT'],
  ])('runs on %s with the original arguments and the cause', async (_name, work, cause) => {
    registry = fakeTimeRegistry();
    const fallback = vi.fn(
      (id: number, error: unknown) => `fallback ${id} ${(error as { code?: string }).code ?? 'Error'}`,
    );
    const run = registry
      .command('a')
      .execute(work as (args: [number], c: CommandContext) => Promise<string>, [7], fallback);
    await advance(1000);
    await expect(run).resolves.toBe(`fallback 7 ${cause}`);
    expect(registry.command('a').metrics.eventCounts().fallbackSuccess).toBe(1);
  });

  it('runs when the circuit is open and when the bulkhead rejects', async () => {
    registry = fakeTimeRegistry();
    const open = registry.command('open', { options: { forceOpen: true } });
    await expect(open.execute(succeeds, [], (e) => (e as { code: string }).code)).resolves.toBe(
      'VITAMIN_E_CIRCUIT_OPEN',
    );
    const full = registry.command('full', { options: { maxConcurrent: 1 } });
    void full.execute(neverAnswers, []).catch(() => undefined);
    await expect(full.execute(succeeds, [], (e) => (e as { code: string }).code)).resolves.toBe(
      'VITAMIN_E_BULKHEAD_FULL',
    );
  });

  it('counts a failing fallback and rejects with its error', async () => {
    registry = fakeTimeRegistry();
    const command = registry.command('a');
    const run = command.execute(fails, [], () => Promise.reject(new Error('fallback failed')));
    await expect(run).rejects.toThrow('fallback failed');
    expect(command.metrics.eventCounts()).toMatchObject({ failure: 1, fallbackFailure: 1 });
  });

  it('does not run when fallbackEnabled is false', async () => {
    registry = fakeTimeRegistry();
    const fallback = vi.fn(() => 'x');
    await expect(
      registry.command('a', { options: { fallbackEnabled: false } }).execute(fails, [], fallback),
    ).rejects.toThrow('dependency failed');
    expect(fallback).not.toHaveBeenCalled();
  });
});

describe('bad requests', () => {
  it.each([
    ['a 4xx HttpError', new HttpError(404, 'no such order')],
    ['a BadRequestError', new BadRequestError('quantity must be positive')],
  ])('%s neither counts as a failure nor runs the fallback', async (_name, error) => {
    registry = fakeTimeRegistry();
    const command = registry.command('a');
    const fallback = vi.fn(() => 'fallback');
    for (let i = 0; i < 40; i++)
      await expect(command.execute(() => Promise.reject(error), [], fallback)).rejects.toBe(error);
    expect(fallback).not.toHaveBeenCalled();
    expect(command.breaker.state).toBe('closed');
    expect(command.metrics.eventCounts()).toMatchObject({ badRequest: 40, failure: 0 });
  });

  it('a 5xx HttpError is a failure', async () => {
    registry = fakeTimeRegistry();
    const command = registry.command('a');
    for (let i = 0; i < 20; i++)
      await command.execute(
        () => Promise.reject(new HttpError(500, 'boom')),
        [],
        () => 'fb',
      );
    expect(command.breaker.state).toBe('open');
  });
});

describe('bulkhead and pool', () => {
  it('admits 10 concurrent executions per key by default and rejects the 11th at once', async () => {
    registry = fakeTimeRegistry();
    const command = registry.command('a');
    const gate = deferred<string>();
    const work = vi.fn(() => gate.promise);
    const runs = Array.from({ length: 11 }, () => command.execute(work, []).catch((e: { code: string }) => e.code));
    expect(await runs[10]).toBe('VITAMIN_E_BULKHEAD_FULL');
    expect(work).toHaveBeenCalledTimes(10);
    expect(command.metrics.concurrency).toBe(10);
    gate.resolve('ok');
    expect(await Promise.all(runs.slice(0, 10))).toEqual(Array(10).fill('ok'));
    expect(command.bulkhead.active).toBe(0);
    expect(command.metrics.eventCounts().bulkheadRejected).toBe(1);
  });

  it('bounds a group with a pool and a queue, rejecting at once when both are full', async () => {
    const config = new InMemoryConfig({ vitamin: { pool: { orders: { maxConcurrent: 2, maxQueue: 1 } } } });
    registry = fakeTimeRegistry(config);
    const first = registry.command('orders#get', { group: 'orders' });
    const second = registry.command('orders#list', { group: 'orders' });
    const gates = [deferred<string>(), deferred<string>(), deferred<string>()];
    const started: number[] = [];
    const work = (i: number) => () => (started.push(i), gates[i]!.promise);
    const runs = [first.execute(work(0), []), second.execute(work(1), []), first.execute(work(2), [])];
    const rejected = second.execute(succeeds, []).catch((e: { code: string }) => e.code);
    expect(await rejected).toBe('VITAMIN_E_POOL_FULL');
    expect(started).toEqual([0, 1]);
    gates[0]!.resolve('a');
    await runs[0];
    await advance(0);
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.resolve('b');
    gates[2]!.resolve('c');
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
    expect(registry.groupMetrics()[0]).toMatchObject({
      group: 'orders',
      counts: { success: 3, poolRejected: 1 },
      pool: { active: 0, queued: 0, maxConcurrent: 2, maxQueue: 1 },
    });
  });
});

describe('dynamic options', () => {
  it('applies a changed vitamin.pool.<group>.maxConcurrent to the next call', async () => {
    const config = new InMemoryConfig({});
    registry = fakeTimeRegistry(config);
    const command = registry.command('a', { group: 'g' });
    const gate = deferred<string>();
    const first = command.execute(() => gate.promise, []);
    config.set({ 'vitamin.pool.g.maxConcurrent': 1 });
    // The running call holds no pool slot (it started without a pool), so one more fits.
    const second = command.execute(() => gate.promise, []);
    const third = command.execute(succeeds, []).catch((e: { code: string }) => e.code);
    expect(await third).toBe('VITAMIN_E_POOL_FULL');
    gate.resolve('ok');
    expect(await Promise.all([first, second])).toEqual(['ok', 'ok']);
    await expect(command.execute(succeeds, [])).resolves.toBe('ok');
  });

  it('refuses an invalid value, naming the property, and keeps the last good one', async () => {
    const config = new InMemoryConfig({ vitamin: { command: { a: { maxConcurrent: 3 } } } });
    const warnings: string[] = [];
    vi.useFakeTimers();
    const { CommandRegistry } = await import('./command-registry.js');
    registry = new CommandRegistry({
      config,
      logger: { warn: (message: string) => warnings.push(message) } as never,
    });
    const command = registry.command('a');
    expect(command.options.maxConcurrent).toBe(3);
    config.set({ 'vitamin.command.a.maxConcurrent': 'lots' });
    expect(command.options.maxConcurrent).toBe(3);
    expect(warnings.join()).toContain('vitamin.command.a.maxConcurrent must be an integer ≥ 1, got "lots"; keeping 3');
    config.set({ 'vitamin.command.a.maxConcurrent': '7' });
    expect(command.bulkhead.capacity).toBe(7);
  });

  it('falls back from the key to vitamin.command.default, then to the code, then to the built-in default', () => {
    const config = new InMemoryConfig({ vitamin: { command: { default: { timeoutMs: 300 }, b: { timeoutMs: 200 } } } });
    registry = fakeTimeRegistry(config);
    expect(registry.command('a', { options: { timeoutMs: 700, sleepWindowMs: 100 } }).options).toMatchObject({
      timeoutMs: 300,
      sleepWindowMs: 100,
      maxConcurrent: 10,
    });
    expect(registry.command('b').options.timeoutMs).toBe(200);
  });
});
