import type { CommandSample, PoolSample } from '../stream/hystrix-sample.js';

/** A sample with when it arrived (the monitor's clock: instances' clocks may disagree). */
export interface Received<T> {
  readonly sample: T;
  readonly receivedAt: number;
}

/** The latest sample of each command and group of one instance. */
export class InstanceSamples {
  readonly commands = new Map<string, Received<CommandSample>>();
  readonly pools = new Map<string, Received<PoolSample>>();

  /** Most distinct names kept per instance: more is garbage, not a bigger fleet. */
  static readonly MAX_NAMES = 5000;

  /**
   * Keeps `sample` as the latest of its name.
   * @throws RangeError when the instance reports more than {@link InstanceSamples.MAX_NAMES} names
   */
  add(sample: CommandSample | PoolSample, now: number): void {
    const map = (sample.kind === 'command' ? this.commands : this.pools) as Map<string, Received<typeof sample>>;
    if (!map.has(sample.name) && map.size >= InstanceSamples.MAX_NAMES) {
      throw new RangeError(`more than ${InstanceSamples.MAX_NAMES} ${sample.kind} names`);
    }
    map.set(sample.name, { sample, receivedAt: now });
  }

  /** Forgets everything (the stream was dropped). */
  clear(): void {
    this.commands.clear();
    this.pools.clear();
  }
}
