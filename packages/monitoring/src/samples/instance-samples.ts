import { parseEvent, readCommand, readPool, type HystrixEvent } from '../stream/hystrix-event.js';
import { CommandSample } from './command-sample.js';
import { PoolSample } from './pool-sample.js';

/** The latest sample of each command and group of one instance, updated in place. */
export class InstanceSamples {
  readonly commands = new Map<string, CommandSample>();
  readonly pools = new Map<string, PoolSample>();

  /** Most distinct names kept per instance: more is garbage, not a bigger fleet. */
  static readonly MAX_NAMES = 5000;

  /**
   * Takes one `data:` payload of the instance's stream as the latest of its command or group.
   * Returns false for event types the monitor does not aggregate.
   * @throws TypeError when the event is malformed, RangeError when the instance reports more than
   *   {@link InstanceSamples.MAX_NAMES} names; nothing of the event is kept then
   */
  add(payload: string, now: number): boolean {
    const event = parseEvent(payload);
    if (event === undefined) return false;
    if (event.kind === 'command') {
      const sample = readCommand(event);
      this.slot(this.commands, event, CommandSample).copyFrom(sample, now);
    } else {
      const sample = readPool(event);
      this.slot(this.pools, event, PoolSample).copyFrom(sample, now);
    }
    return true;
  }

  /** Forgets everything (the stream was dropped). */
  clear(): void {
    this.commands.clear();
    this.pools.clear();
  }

  private slot<T extends CommandSample | PoolSample>(
    map: Map<string, T>,
    { name, kind }: HystrixEvent,
    Sample: new (name: string) => T,
  ): T {
    let sample = map.get(name);
    if (sample === undefined) {
      if (map.size >= InstanceSamples.MAX_NAMES)
        throw new RangeError(`more than ${InstanceSamples.MAX_NAMES} ${kind} names`);
      map.set(name, (sample = new Sample(name)));
    }
    return sample;
  }
}
