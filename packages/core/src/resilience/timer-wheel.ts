import { SYSTEM_CLOCK, type Clock } from '../metrics/clock.js';

/** Something with a deadline in a {@link TimerWheel}; the wheel calls `expire()` once it passes. */
export interface Deadline {
  /** Time (by the wheel's clock) at which `expire` is due, in ms. */
  deadlineAt: number;
  /** Whether the deadline is still pending; `cancel` clears it. */
  scheduled: boolean;
  /** Where the wheel keeps the entry (slot and position in it), so cancelling is O(1). */
  slot: number;
  position: number;
  expire(): void;
}

/**
 * Deadlines for many concurrent executions on one shared coarse timer: scheduling pushes into a
 * slot, cancelling swaps the entry out of it (so finished executions are not kept alive), and one interval (running only while deadlines are pending) expires
 * what is due. This replaces a `setTimeout`/`clearTimeout` pair per call; deadlines fire up to one
 * tick late.
 */
export class TimerWheel {
  private readonly slots: Deadline[][];
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

  /** Cancels a scheduled entry (it stays in its slot until that slot is visited). */
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

  /** Stops the timer; pending deadlines never expire. */
  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    for (const slot of this.slots) slot.length = 0;
    this.pending = 0;
  }

  private place(entry: Deadline, tick: number): void {
    const slot = this.slots[tick % this.slotCount]!;
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
          // Not due yet: the interval ran a little early, or the deadline is turns away.
          late.push(entry);
        }
      }
    }
    for (const entry of late) this.place(entry, Math.max(Math.ceil(entry.deadlineAt / this.tickMs), currentTick + 1));
    if (this.pending === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      for (const slot of this.slots) if (slot.length > 0) slot.length = 0;
    }
  }
}
