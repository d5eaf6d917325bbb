import { setTimeout } from 'node:timers/promises';
import { Service } from '@vitamin/core';
import { z } from 'zod';

/** Body of `PUT /demo/faults`: what the fault switch does to every carrier booking of this instance. */
export const FaultSettings = z.object({
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  failureRate: z.number().min(0).max(1).default(0),
});
export type FaultSettings = z.output<typeof FaultSettings>;

/**
 * Faults this instance injects into its carrier bookings, so a demo can make one instance slow or
 * failing. Off until someone sets them through the fault switch (`PUT /demo/faults`).
 */
@Service()
export class Faults {
  private settings: FaultSettings = { latencyMs: 0, failureRate: 0 };
  /** Draws whether a booking fails; replace it to make failures predictable. */
  random: () => number = Math.random;

  get current(): FaultSettings {
    return this.settings;
  }

  set(settings: FaultSettings): FaultSettings {
    this.settings = { ...settings };
    return this.settings;
  }

  /** Waits `latencyMs`, then says whether this booking must fail. */
  async apply(): Promise<boolean> {
    const { latencyMs, failureRate } = this.settings;
    if (latencyMs > 0) await setTimeout(latencyMs);
    return failureRate > 0 && this.random() < failureRate;
  }
}
