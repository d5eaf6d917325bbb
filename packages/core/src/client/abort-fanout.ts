/** Told once when the relayed signal aborts. */
export interface AbortListener {
  onAbort(reason: unknown): void;
}

/**
 * Relays one AbortSignal to many requests. A command's signal is shared by every call whose
 * deadline falls in the same tick, and `AbortSignal.addEventListener`/`removeEventListener` walk
 * all listeners already there; here the signal has one listener, and requests join and leave a Set.
 */
export class AbortFanout {
  private readonly listeners = new Set<AbortListener>();

  constructor(signal: AbortSignal) {
    signal.addEventListener(
      'abort',
      () => {
        const listeners = [...this.listeners];
        this.listeners.clear();
        for (const listener of listeners) listener.onAbort(signal.reason);
      },
      { once: true },
    );
  }

  /** `listener` hears the abort once, unless deleted first. */
  add(listener: AbortListener): void {
    this.listeners.add(listener);
  }

  delete(listener: AbortListener): void {
    this.listeners.delete(listener);
  }
}

const fanouts = new WeakMap<AbortSignal, AbortFanout>();

/** The relay of a signal not yet aborted (created on first use, collected with the signal). */
export function fanoutOf(signal: AbortSignal): AbortFanout {
  let fanout = fanouts.get(signal);
  if (fanout === undefined) fanouts.set(signal, (fanout = new AbortFanout(signal)));
  return fanout;
}
