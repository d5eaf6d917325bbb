import { afterEach, describe, expect, it } from 'vitest';
import type { CircuitTransition } from './circuit-breaker.js';
import type { CommandRegistry } from './command-registry.js';
import { advance, deferred, fails, fakeTimeRegistry, neverAnswers, succeeds } from '../../test/support/commands.js';
import { vi } from 'vitest';

let registry: CommandRegistry;
afterEach(() => {
  registry?.close();
  vi.useRealTimers();
});

async function failTimes(key: string, failures: number, successes = 0): Promise<void> {
  const command = registry.command(key);
  for (let i = 0; i < successes; i++) await command.execute(succeeds, []);
  for (let i = 0; i < failures; i++) await command.execute(fails, []).catch(() => undefined);
}

describe('circuit breaker', () => {
  it('opens after 20 requests at 50 % errors in the rolling window', async () => {
    registry = fakeTimeRegistry();
    await failTimes('a', 10, 10);
    expect(registry.command('a').breaker.state).toBe('open');
  });

  it('stays closed below the request volume threshold, even at 100 % errors', async () => {
    registry = fakeTimeRegistry();
    await failTimes('a', 19);
    expect(registry.command('a').breaker.state).toBe('closed');
  });

  it('stays closed below 50 % errors', async () => {
    registry = fakeTimeRegistry();
    await failTimes('a', 9, 11);
    expect(registry.command('a').breaker.state).toBe('closed');
  });

  it('forgets failures older than the 10 s window', async () => {
    registry = fakeTimeRegistry();
    await failTimes('a', 15);
    await advance(10_000);
    await failTimes('a', 5);
    expect(registry.command('a').breaker.state).toBe('closed');
  });

  it('short-circuits while open without calling the work', async () => {
    registry = fakeTimeRegistry();
    await failTimes('a', 20);
    const work = vi.fn(succeeds);
    await expect(registry.command('a').execute(work, [])).rejects.toMatchObject({ code: 'VITAMIN_E_CIRCUIT_OPEN' });
    expect(work).not.toHaveBeenCalled();
    expect(registry.command('a').metrics.eventCounts().shortCircuited).toBe(1);
  });

  it('goes half-open after the 5000 ms sleep window, and one successful probe closes it', async () => {
    registry = fakeTimeRegistry();
    await failTimes('a', 20);
    const command = registry.command('a');
    await advance(4999);
    expect(command.breaker.state).toBe('open');
    await advance(1);
    expect(command.breaker.state).toBe('half-open');
    await expect(command.execute(succeeds, [])).resolves.toBe('ok');
    expect(command.breaker.state).toBe('closed');
    await failTimes('a', 1);
    expect(command.breaker.state).toBe('closed');
  });

  it.each([
    ['throws', fails],
    ['times out', neverAnswers],
  ])('re-opens when the probe %s', async (_name, work) => {
    registry = fakeTimeRegistry();
    await failTimes('a', 20);
    const command = registry.command('a');
    await advance(5000);
    const probe = command.execute(work, []).catch((error: unknown) => error);
    await advance(1000);
    expect(await probe).toBeInstanceOf(Error);
    expect(command.breaker.state).toBe('open');
    await advance(5000);
    expect(command.breaker.state).toBe('half-open');
  });

  it('lets exactly one probe through while half-open, the rest fail fast', async () => {
    registry = fakeTimeRegistry();
    await failTimes('a', 20);
    const command = registry.command('a');
    await advance(5000);
    const answer = deferred<string>();
    const work = vi.fn(() => answer.promise);
    const calls = Array.from({ length: 50 }, () => command.execute(work, []).catch((e: { code: string }) => e.code));
    answer.resolve('ok');
    const results = await Promise.all(calls);
    expect(work).toHaveBeenCalledTimes(1);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'VITAMIN_E_CIRCUIT_OPEN')).toHaveLength(49);
  });

  it('admits the configured number of probes', async () => {
    registry = fakeTimeRegistry();
    const command = registry.command('a', { options: { halfOpenProbes: 3 } });
    await failTimes('a', 20);
    await advance(5000);
    const work = vi.fn(() => new Promise<never>(() => {}));
    for (let i = 0; i < 10; i++) void command.execute(work, []).catch(() => undefined);
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('force-open rejects everything and force-closed lets everything through', async () => {
    registry = fakeTimeRegistry();
    const open = registry.command('open', { options: { forceOpen: true } });
    await expect(open.execute(succeeds, [])).rejects.toMatchObject({ code: 'VITAMIN_E_CIRCUIT_OPEN' });
    expect(open.breaker.state).toBe('forced-open');
    const closed = registry.command('closed', { options: { forceClosed: true } });
    await failTimes('closed', 40);
    expect(closed.breaker.state).toBe('forced-closed');
    await expect(closed.execute(succeeds, [])).resolves.toBe('ok');
  });

  it('reports every transition as an event', async () => {
    registry = fakeTimeRegistry();
    const seen: CircuitTransition[] = [];
    registry.onCircuitTransition((t) => seen.push(t));
    await failTimes('a', 20);
    await advance(5000);
    await registry.command('a').execute(succeeds, []);
    expect(seen.map((t) => `${t.key}:${t.from}->${t.to}`)).toEqual([
      'a:closed->open',
      'a:open->half-open',
      'a:half-open->closed',
    ]);
  });
});
