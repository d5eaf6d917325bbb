import type { Config } from '../config/config.js';

/** Checks one option value: the value to use, or what is expected. */
export type OptionCheck<N extends string> = (
  name: N,
  value: unknown,
) => { ok: true; value: number | boolean } | { ok: false; expected: string };

/** How a set of options is read from dynamic properties. */
export interface DynamicOptionsSource<N extends string> {
  /** Property prefixes, most specific first, e.g. `vitamin.command.<key>.` then `vitamin.command.default.`. */
  readonly prefixes: readonly string[];
  readonly names: readonly N[];
  readonly check: OptionCheck<N>;
  /** What the code gives, already valid, with every default filled in. */
  readonly base: Readonly<Record<N, number | boolean>>;
  /** Told about each refused value (with the property key); the last good value stays. */
  readonly onInvalid: (message: string) => void;
}

/**
 * Options that follow dynamic properties: resolved once into a frozen object, and again when a
 * property under one of the prefixes changes. Callers keep the object in a field; nothing is read
 * from the config per call.
 */
export class DynamicOptions<N extends string> {
  /** The options in force. */
  current: Readonly<Record<N, number | boolean>>;
  private readonly unsubscribe: (() => void) | undefined;

  constructor(
    private readonly source: DynamicOptionsSource<N>,
    private readonly config: Config | undefined,
    onChange: () => void = () => {},
  ) {
    this.current = this.read(source.base);
    this.unsubscribe = config?.subscribe((changed) => {
      for (const key of changed) {
        if (source.prefixes.some((prefix) => key.startsWith(prefix))) {
          this.current = this.read(this.current);
          onChange();
          return;
        }
      }
    });
  }

  /** Stops following the config. */
  close(): void {
    this.unsubscribe?.();
  }

  private read(lastGood: Readonly<Record<N, number | boolean>>): Readonly<Record<N, number | boolean>> {
    const { prefixes, names, check, base, onInvalid } = this.source;
    const next = {} as Record<N, number | boolean>;
    for (const name of names) {
      next[name] = base[name];
      for (const prefix of prefixes) {
        const key = prefix + name;
        const value = this.config?.get(key);
        if (value === undefined) continue;
        const checked = check(name, value);
        if (checked.ok) next[name] = checked.value;
        else {
          next[name] = lastGood[name];
          onInvalid(
            `${key} must be ${checked.expected}, got ${JSON.stringify(value)}; keeping ${String(lastGood[name])}`,
          );
        }
        break;
      }
    }
    return Object.freeze(next);
  }
}
