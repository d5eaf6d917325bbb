import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimerWheel, type Deadline } from './timer-wheel.js';

afterEach(() => vi.useRealTimers());

function entry(onExpire: () => void): Deadline {
  return { deadlineAt: 0, scheduled: false, tick: 0, slot: 0, position: 0, expire: onExpire };
}

describe('TimerWheel', () => {
  it('expires deadlines on time (within a tick) on one shared timer', () => {
    vi.useFakeTimers({ now: 0 });
    const wheel = new TimerWheel(5, { now: () => Date.now() });
    const fired: number[] = [];
    for (const delay of [3, 10, 12, 4000])
      wheel.schedule(
        entry(() => fired.push(Date.now())),
        delay,
      );
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(5000);
    expect(fired).toEqual([5, 10, 15, 4000]);
    expect(wheel.size).toBe(0);
  });

  it('never fires a cancelled deadline, and stops its timer when nothing is pending', () => {
    vi.useFakeTimers({ now: 0 });
    const wheel = new TimerWheel(5, { now: () => Date.now() });
    const expire = vi.fn();
    const pending = entry(expire);
    wheel.schedule(pending, 20);
    wheel.cancel(pending);
    vi.advanceTimersByTime(100);
    expect(expire).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancels any entry of a slot, keeping the others', () => {
    vi.useFakeTimers({ now: 0 });
    const wheel = new TimerWheel(5, { now: () => Date.now() });
    const fired: number[] = [];
    const entries = [0, 1, 2, 3].map((i) => entry(() => fired.push(i)));
    for (const e of entries) wheel.schedule(e, 10);
    wheel.cancel(entries[1]!);
    wheel.cancel(entries[0]!);
    expect(wheel.size).toBe(2);
    vi.advanceTimersByTime(10);
    expect(fired.sort()).toEqual([2, 3]);
  });

  it('gives the entries of one tick one signal, aborted right after they expire', () => {
    vi.useFakeTimers({ now: 0 });
    const wheel = new TimerWheel(5, { now: () => Date.now() });
    const seen: boolean[] = [];
    const first = entry(() => seen.push(wheel.signalOf(first).aborted));
    const second = entry(() => undefined);
    const later = entry(() => undefined);
    wheel.schedule(first, 9);
    wheel.schedule(second, 10);
    wheel.schedule(later, 20);
    expect(wheel.signalOf(first)).toBe(wheel.signalOf(second));
    expect(wheel.signalOf(later)).not.toBe(wheel.signalOf(first));
    const signal = wheel.signalOf(first);
    vi.advanceTimersByTime(10);
    expect(seen).toEqual([false]);
    expect(signal.aborted).toBe(true);
    expect(wheel.signalOf(later).aborted).toBe(false);
  });

  it('expires a deadline scheduled by an expiring one', () => {
    vi.useFakeTimers({ now: 0 });
    const wheel = new TimerWheel(5, { now: () => Date.now() });
    const fired: number[] = [];
    wheel.schedule(
      entry(() =>
        wheel.schedule(
          entry(() => fired.push(Date.now())),
          1,
        ),
      ),
      5,
    );
    vi.advanceTimersByTime(50);
    expect(fired).toEqual([10]);
  });

  it('keeps deadlines more than one turn away until they are due', () => {
    vi.useFakeTimers({ now: 0 });
    const wheel = new TimerWheel(1, { now: () => Date.now() }, 8);
    const fired: number[] = [];
    wheel.schedule(
      entry(() => fired.push(Date.now())),
      30,
    );
    vi.advanceTimersByTime(100);
    expect(fired).toEqual([30]);
  });
});
