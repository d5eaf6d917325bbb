import type { Config } from '../config/config.js';
import type { Logger } from '../logging/logger.js';
import { SYSTEM_CLOCK, type Clock } from '../metrics/clock.js';
import type { CommandMetricsSnapshot } from '../metrics/command-metrics.js';
import { groupMetrics, type GroupMetricsSnapshot } from '../metrics/group-metrics.js';
import type { CircuitTransition } from './circuit-breaker.js';
import { CommandPolicy } from './command-policy.js';
import type { CommandOptions } from './command-options.js';
import { ConcurrencyPool, DEFAULT_POOL_OPTIONS, type PoolOptions, resolvePoolOptions } from './concurrency-pool.js';
import { DynamicOptions } from './dynamic-options.js';
import { TimerWheel } from './timer-wheel.js';

/** Options of a {@link CommandRegistry}. */
export interface CommandRegistryOptions {
  /** Where `vitamin.command.*` and `vitamin.pool.*` properties come from. */
  config?: Config;
  /** Where refused property values are reported. @defaultValue `process.emitWarning` */
  logger?: Logger;
  /** @defaultValue the monotonic system clock */
  clock?: Clock;
  /**
   * Resolution of the shared deadline timer, in ms.
   * @defaultValue `5`
   */
  tickMs?: number;
}

/** How a command is declared: its group and the options its code gives. */
export interface CommandDeclaration {
  /** @defaultValue the command key */
  group?: string | undefined;
  options?: CommandOptions | undefined;
  /** Options of the group's pool, when the group is created by this declaration. */
  pool?: PoolOptions | undefined;
}

type PoolOptionName = keyof PoolOptions;

/**
 * Every command of an app, by key, with the group pools and one shared deadline timer; where the
 * actuator and metric streams read command and group metrics and circuit transitions.
 */
export class CommandRegistry {
  private readonly byKey = new Map<string, CommandPolicy>();
  private readonly pools = new Map<string, { pool: ConcurrencyPool; options: DynamicOptions<PoolOptionName> }>();
  private readonly listeners = new Set<(transition: CircuitTransition) => void>();
  private readonly wheel: TimerWheel;
  private readonly clock: Clock;

  constructor(private readonly options: CommandRegistryOptions = {}) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.wheel = new TimerWheel(options.tickMs ?? 5, this.clock);
  }

  /** The command under `key`, created on first use from `declaration` (later declarations share it). */
  command(key: string, declaration: CommandDeclaration = {}): CommandPolicy {
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    const group = declaration.group ?? key;
    const command = new CommandPolicy({
      key,
      group,
      options: declaration.options,
      config: this.options.config,
      clock: this.clock,
      wheel: this.wheel,
      pool: this.pool(group, declaration.pool),
      onTransition: (transition) => this.transition(transition),
      onInvalidOption: (message) => this.refuse(message),
    });
    this.byKey.set(key, command);
    return command;
  }

  /** The command under `key`, if one was created. */
  get(key: string): CommandPolicy | undefined {
    return this.byKey.get(key);
  }

  /** Every command, in creation order. */
  commands(): CommandPolicy[] {
    return [...this.byKey.values()];
  }

  /** The metrics of every command. */
  commandMetrics(): CommandMetricsSnapshot[] {
    return this.commands().map((command) => command.metrics.snapshot());
  }

  /** The metrics of every group: its commands' counts summed and histograms merged, and its pool. */
  groupMetrics(): GroupMetricsSnapshot[] {
    const byGroup = new Map<string, CommandMetricsSnapshot[]>();
    for (const snapshot of this.commandMetrics()) {
      const list = byGroup.get(snapshot.group) ?? [];
      list.push(snapshot);
      byGroup.set(snapshot.group, list);
    }
    return [...byGroup].map(([group, snapshots]) => {
      const pool = this.pools.get(group)?.pool;
      return groupMetrics(group, snapshots, pool?.isEnabled ? pool.snapshot() : undefined);
    });
  }

  /** Calls `listener` on every circuit state change; returns a function that unsubscribes. */
  onCircuitTransition(listener: (transition: CircuitTransition) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the shared timer and every command's timers and config subscriptions. */
  close(): void {
    for (const command of this.byKey.values()) command.close();
    for (const { options } of this.pools.values()) options.close();
    this.wheel.close();
  }

  private pool(group: string, declared: PoolOptions | undefined): ConcurrencyPool {
    const existing = this.pools.get(group);
    if (existing !== undefined) return existing.pool;
    const pool = new ConcurrencyPool(resolvePoolOptions(declared));
    const options = new DynamicOptions<PoolOptionName>(
      {
        prefixes: [`vitamin.pool.${group}.`, 'vitamin.pool.default.'],
        names: ['maxConcurrent', 'maxQueue'],
        check: (_name, value) => {
          const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
          return typeof number === 'number' && Number.isInteger(number) && number >= 0
            ? { ok: true, value: number }
            : { ok: false, expected: 'an integer ≥ 0' };
        },
        base: { ...DEFAULT_POOL_OPTIONS, ...pool.options },
        onInvalid: (message) => this.refuse(message),
      },
      this.options.config,
      () => (pool.options = options.current as ConcurrencyPool['options']),
    );
    pool.options = options.current as ConcurrencyPool['options'];
    this.pools.set(group, { pool, options });
    return pool;
  }

  private transition(transition: CircuitTransition): void {
    for (const listener of this.listeners) listener(transition);
  }

  private refuse(message: string): void {
    if (this.options.logger !== undefined) this.options.logger.warn(`refused property value: ${message}`);
    else process.emitWarning(`refused property value: ${message}`, 'VitaminConfigWarning');
  }
}
