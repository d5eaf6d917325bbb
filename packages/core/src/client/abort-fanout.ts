/** What undici needs of a signal given as an EventEmitter instead of an EventTarget. */
export interface EmitterSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  on(event: 'abort', listener: () => void): this;
  once(event: 'abort', listener: () => void): this;
  addListener(event: 'abort', listener: () => void): this;
  removeListener(event: 'abort', listener: () => void): this;
}

/**
 * Relays one AbortSignal to many requests. A command's signal is shared by every call whose
 * deadline falls in the same tick, and `AbortSignal.addEventListener`/`removeEventListener` walk
 * all listeners already there: with dozens of calls in flight that walk cost a fifth of the
 * client's throughput. Here the signal has one listener, and requests join and leave a Set.
 */
class AbortFanout implements EmitterSignal {
  aborted = false;
  reason: unknown = undefined;
  private readonly listeners = new Set<() => void>();

  constructor(signal: AbortSignal) {
    signal.addEventListener(
      'abort',
      () => {
        this.aborted = true;
        this.reason = signal.reason;
        const listeners = [...this.listeners];
        this.listeners.clear();
        for (const listener of listeners) listener();
      },
      { once: true },
    );
  }

  on(_event: 'abort', listener: () => void): this {
    this.listeners.add(listener);
    return this;
  }

  /** Every listener hears the abort at most once: the Set is emptied when it fires. */
  once(event: 'abort', listener: () => void): this {
    return this.on(event, listener);
  }

  addListener(event: 'abort', listener: () => void): this {
    return this.on(event, listener);
  }

  removeListener(_event: 'abort', listener: () => void): this {
    this.listeners.delete(listener);
    return this;
  }
}

const fanouts = new WeakMap<AbortSignal, AbortFanout>();

/** The relay of `signal` (created on first use, collected with the signal); an aborted signal as is. */
export function fanoutOf(signal: AbortSignal): AbortSignal | EmitterSignal {
  if (signal.aborted) return signal;
  let fanout = fanouts.get(signal);
  if (fanout === undefined) fanouts.set(signal, (fanout = new AbortFanout(signal)));
  return fanout;
}
