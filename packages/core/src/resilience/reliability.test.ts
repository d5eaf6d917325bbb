// The numbers RELIABILITY.md asks of commands, on fake time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandRegistry } from './command-registry.js';
import type { CommandContext } from './command-types.js';
import { advance, fails, fakeTimeRegistry, neverAnswers, seeded } from '../../test/support/commands.js';

let registry: CommandRegistry;
afterEach(() => {
  registry?.close();
  vi.useRealTimers();
});

type Outcome = 'succeeds' | 'throws' | 'times out' | 'aborts';
const OUTCOMES: readonly Outcome[] = ['succeeds', 'throws', 'times out', 'aborts'];

describe('reliability', () => {
  it('half-open admits exactly one probe among 1,000 concurrent calls, with 0 stuck runs over 100 seeds', async () => {
    for (let seed = 1; seed <= 100; seed++) {
      const random = seeded(seed);
      registry = fakeTimeRegistry();
      const command = registry.command('dep');
      for (let i = 0; i < 20; i++) await command.execute(fails, []).catch(() => undefined);
      await advance(5000 + Math.floor(random() * 100));
      expect(command.breaker.state).toBe('half-open');

      const outcome = OUTCOMES[Math.floor(random() * OUTCOMES.length)]!;
      const answerAfter = Math.floor(random() * 900);
      let reached = 0;
      const dependency = (_args: readonly unknown[], context: CommandContext): Promise<string> => {
        reached++;
        if (outcome === 'times out') return neverAnswers(_args, context);
        return new Promise((resolve, reject) => {
          setTimeout(() => {
            if (outcome === 'succeeds') resolve('ok');
            else if (outcome === 'throws') reject(new Error('still down'));
            else reject(new DOMException('aborted by the caller', 'AbortError'));
          }, answerAfter);
        });
      };
      let settled = 0;
      const calls = Array.from({ length: 1000 }, () =>
        command.execute(dependency, []).then(
          () => settled++,
          () => settled++,
        ),
      );
      await advance(1000);
      await Promise.all(calls);

      expect({ seed, reached }).toEqual({ seed, reached: 1 });
      expect(settled).toBe(1000);
      expect(command.breaker.state).toBe(outcome === 'succeeds' ? 'closed' : 'open');
      expect(command.bulkhead.active).toBe(0);
      registry.close();
      vi.useRealTimers();
    }
  });

  it('a bulkhead of 10 with a 50 ms timeout bounds a never-answering dependency under 1,000 calls', async () => {
    registry = fakeTimeRegistry();
    const command = registry.command('dep', { options: { timeoutMs: 50, circuitEnabled: false } });
    let inFlight = 0;
    let maxInFlight = 0;
    const dependency = async (args: readonly unknown[], context: CommandContext): Promise<never> => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await neverAnswers(args, context);
      } finally {
        inFlight--;
      }
    };
    const codes = new Map<string, number>();
    const calls: Promise<void>[] = [];
    for (let i = 0; i < 1000; i++) {
      calls.push(
        command
          .execute(dependency, [])
          .catch((e: { code: string }) => void codes.set(e.code, (codes.get(e.code) ?? 0) + 1)),
      );
      if (i % 50 === 49) await advance(10);
    }
    await advance(100);
    await Promise.all(calls);
    expect(maxInFlight).toBeLessThanOrEqual(10);
    expect(inFlight).toBe(0);
    expect(command.bulkhead.active).toBe(0);
    expect(command.bulkhead.capacity - command.bulkhead.active).toBe(10);
    expect((codes.get('VITAMIN_E_COMMAND_TIMEOUT') ?? 0) + (codes.get('VITAMIN_E_BULKHEAD_FULL') ?? 0)).toBe(1000);
    expect(codes.get('VITAMIN_E_COMMAND_TIMEOUT')).toBeGreaterThanOrEqual(10);
  });

  it('30 concurrent commands with a 3 ms timeout all report TIMEOUT and their fallback, 10 trials', async () => {
    for (let trial = 0; trial < 10; trial++) {
      registry = fakeTimeRegistry();
      const commands = Array.from({ length: 30 }, (_, i) => registry.command(`c${i}`, { options: { timeoutMs: 3 } }));
      const runs = commands.map((command, i) =>
        command.execute(
          neverAnswers,
          [i],
          (n: number, cause: unknown) => `fallback ${n} ${(cause as { code: string }).code}`,
        ),
      );
      await advance(3 + trial);
      const results = await Promise.all(runs);
      expect(results).toEqual(commands.map((_, i) => `fallback ${i} VITAMIN_E_COMMAND_TIMEOUT`));
      for (const command of commands) {
        expect(command.metrics.eventCounts()).toMatchObject({ timeout: 1, fallbackSuccess: 1, success: 0 });
      }
      registry.close();
      vi.useRealTimers();
    }
  });
});
