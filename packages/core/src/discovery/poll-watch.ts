import type { Instance } from './instance.js';
import { sameInstances, type InstancesListener, type RegistryErrorListener } from './registry.js';

/**
 * A watch for registries that can only be read, not subscribed to (file, DNS): reads `list` now and
 * every `intervalMs`, tells `onChange` when the list differs (or recovers after a failure) and
 * `onError` once per run of failures. The returned stop function is also kept in `stops`, so a
 * registry's `close()` can end every watch it started.
 */
export function pollWatch(
  list: () => Promise<readonly Instance[]>,
  intervalMs: number,
  stops: Set<() => void>,
  onChange: InstancesListener,
  onError?: RegistryErrorListener,
): () => void {
  let last: readonly Instance[] | undefined;
  let failing = false;
  const poll = async () => {
    try {
      const current = await list();
      if (failing || last === undefined || !sameInstances(last, current)) onChange(current);
      last = current;
      failing = false;
    } catch (error) {
      if (!failing) onError?.(error as Error);
      failing = true;
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), intervalMs).unref();
  const stop = () => {
    clearInterval(timer);
    stops.delete(stop);
  };
  stops.add(stop);
  return stop;
}
