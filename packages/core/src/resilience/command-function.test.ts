import { afterEach, describe, expect, it, vi } from 'vitest';
import { InMemoryConfig } from '../config/config.js';
import { command } from './command-function.js';
import type { CommandRegistry } from './command-registry.js';
import type { CommandContext } from './command-types.js';
import { advance, fakeTimeRegistry } from '../../test/support/commands.js';

let registry: CommandRegistry;
afterEach(() => {
  registry?.close();
  vi.useRealTimers();
});

describe('command(fn, options)', () => {
  it('runs the function under its name as key, with the context as this', async () => {
    registry = fakeTimeRegistry();
    const double = command(
      async function doubled(this: CommandContext, n: number) {
        return `${this.key}: ${n * 2}`;
      },
      { registry },
    );
    await expect(double(21)).resolves.toBe('doubled: 42');
    expect(double.policy.key).toBe('doubled');
    expect(registry.get('doubled')?.metrics.eventCounts().success).toBe(1);
  });

  it('cancels the work through this.signal on timeout and answers with the fallback', async () => {
    registry = fakeTimeRegistry();
    let aborted = false;
    const slow = command(
      function (this: CommandContext, _sku: string) {
        return new Promise<string>((_resolve, reject) =>
          this.signal.addEventListener('abort', () => ((aborted = true), reject(new Error('aborted')))),
        );
      },
      { key: 'slow', registry, timeoutMs: 30, fallback: (sku, cause) => `${sku} ${(cause as { code: string }).code}` },
    );
    const run = slow('tea');
    await advance(30);
    await expect(run).resolves.toBe('tea VITAMIN_E_COMMAND_TIMEOUT');
    expect(aborted).toBe(true);
  });

  it('reads its properties from the registry config', async () => {
    const config = new InMemoryConfig({ 'vitamin.command.quick.timeoutMs': 5 });
    registry = fakeTimeRegistry(config);
    const quick = command(() => new Promise<string>(() => {}), { key: 'quick', registry, fallback: () => 'late' });
    const run = quick();
    await advance(5);
    await expect(run).resolves.toBe('late');
  });

  it('refuses a function without a name when no key is given, and invalid options', () => {
    registry = fakeTimeRegistry();
    expect(() => command(() => Promise.resolve(1), { registry })).toThrow(/give a key/);
    expect(() => command(async function named() {}, { registry, maxConcurrent: 0 })).toThrow(
      /command named: command option maxConcurrent must be an integer ≥ 1/,
    );
  });
});
