import { setMaxListeners } from 'node:events';
import { VitaminError } from '../errors/vitamin-error.js';
import { SYSTEM_CLOCK, type Clock } from '../metrics/clock.js';

/** Something with a deadline in a {@link TimerWheel}; the wheel calls `expire()` once it passes. */
export interface Deadline {
  /** Time (by the wheel's clock) at which `expire` is due, in ms. */
  deadlineAt: number;
  /** Whether the deadline is still pending; `cancel` clears it. */
  scheduled: boolean;
  /** Where the wheel keeps the entry: its tick, and its slot and position there (O(1) cancelling). */
  tick: number;
  slot: number;
  position: number;
  expire(): void;
}

/**
 * Deadlines for many concurrent executions on one shared coarse timer: scheduling pushes into a
 * slot, cancelling swaps the entry out of it (so finished executions are not kept alive), and one
 * interval, running only while deadlines are pending, expires what is due. This replaces a
 * `setTimeout`/`clearTimeout` pair per call; deadlines fire up to one tick late.
 *
 * Entries that expire in the same tick also share one AbortSignal ({@link TimerWheel.signalOf}),
 * aborted right after they expire: one AbortController per tick instead of one per call.
 */
export class TimerWheel {
  private readonly slots: Deadline[][];
  private readonly controllers = new Map<number, AbortController>();
  private pending = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastTick = 0;

  /**
   * @param tickMs - resolution of the wheel, in ms
   * @param slotCount - slots in one turn; deadlines further away than a turn wait extra turns
   */
  constructor(
    readonly tickMs = 5,
    private readonly clock: Clock = SYSTEM_CLOCK,
    private readonly slotCount = 512,
  ) {
    this.slots = Array.from({ length: slotCount }, () => []);
  }

  /** Deadlines not yet expired or cancelled. */
  get size(): number {
    return this.pending;
  }

  /**
   * Schedules `entry` to expire `delayMs` after `now` (the caller's reading of the same clock, so
   * that a hot path reads the clock once).
   */
  schedule(entry: Deadline, delayMs: number, now: number = this.clock.now()): void {
    if (this.timer === undefined) this.start(now);
    entry.deadlineAt = now + delayMs;
    entry.scheduled = true;
    this.pending++;
    this.place(entry, Math.max(Math.ceil(entry.deadlineAt / this.tickMs), this.lastTick + 1));
  }

  /** Cancels a scheduled entry. */
  cancel(entry: Deadline): void {
    if (!entry.scheduled) return;
    entry.scheduled = false;
    this.pending--;
    const slot = this.slots[entry.slot]!;
    // An entry of a slot being visited is no longer in `slots`: the flag is enough then.
    if (slot[entry.position] !== entry) return;
    const last = slot.pop()!;
    if (last !== entry) {
      slot[entry.position] = last;
      last.position = entry.position;
    }
  }

  /**
   * The signal aborted when the tick of a scheduled `entry` passes (after the entry expired). It is
   * shared with every entry of that tick, so only pass it to work that `entry` owns.
   */
  signalOf(entry: Deadline): AbortSignal {
    let controller = this.controllers.get(entry.tick);
    if (controller === undefined) {
      this.controllers.set(entry.tick, (controller = new AbortController()));
      // Every request of the tick listens to it: many listeners are expected, not a leak.
      setMaxListeners(0, controller.signal);
    }
    return controller.signal;
  }

  /** Stops the timer; pending deadlines never expire. */
  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    for (const slot of this.slots) slot.length = 0;
    this.controllers.clear();
    this.pending = 0;
  }

  private place(entry: Deadline, tick: number): void {
    const slot = this.slots[tick % this.slotCount]!;
    entry.tick = tick;
    entry.slot = tick % this.slotCount;
    entry.position = slot.length;
    slot.push(entry);
  }

  private start(now: number): void {
    this.lastTick = Math.floor(now / this.tickMs);
    this.timer = setInterval(() => this.advance(), this.tickMs);
    this.timer.unref();
  }

  private advance(): void {
    const now = this.clock.now();
    const currentTick = Math.floor(now / this.tickMs);
    const first = this.lastTick + 1;
    const last = Math.min(currentTick, this.lastTick + this.slotCount);
    // Deadlines scheduled while expiring (by fallbacks) must land after the ticks visited now.
    this.lastTick = currentTick;
    const late: Deadline[] = [];
    for (let tick = first; tick <= last; tick++) {
      const slot = this.slots[tick % this.slotCount]!;
      this.slots[tick % this.slotCount] = [];
      for (const entry of slot) {
        if (!entry.scheduled) continue;
        if (entry.deadlineAt <= now) {
          entry.scheduled = false;
          this.pending--;
          entry.expire();
        } else {
          late.push(entry); // due in a later turn
        }
      }
    }
    for (const entry of late) this.place(entry, Math.max(entry.tick, currentTick + 1));
    this.abortThrough(currentTick);
    if (this.pending === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      for (const slot of this.slots) if (slot.length > 0) slot.length = 0;
      this.controllers.clear();
    }
  }

  private abortThrough(tick: number): void {
    if (this.controllers.size === 0) return;
    for (const [at, controller] of this.controllers) {
      if (at > tick) continue;
      this.controllers.delete(at);
      controller.abort(new VitaminError('VITAMIN_E_COMMAND_TIMEOUT', 'the command deadline passed'));
    }
  }
}
