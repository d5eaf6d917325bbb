// Shared by the benchmark processes that report their own cost (servers.ts, traced-server.ts,
// monitor-scale-consumer.ts) and the benchmarks that ask them.
import type { ChildProcess } from 'node:child_process';

/** What a process reports of itself: CPU time used so far and its resident memory now. */
export interface ProcessUsage {
  readonly cpuMicros: number;
  readonly rss: number;
}

/**
 * Answers `cpu` from the parent with the CPU time this process used so far and its RSS, so
 * benchmarks can compare cost per request, which a busy machine disturbs less than throughput.
 */
export function answerCpuQueries(): void {
  process.on('message', (message) => {
    if (message !== 'cpu') return;
    const { user, system } = process.cpuUsage();
    process.send!({ usage: { cpuMicros: user + system, rss: process.memoryUsage().rss } satisfies ProcessUsage });
  });
}

/** Asks `child` (which called {@link answerCpuQueries}) for its usage. */
export function processUsage(child: ChildProcess): Promise<ProcessUsage> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      const usage = (message as { usage?: ProcessUsage } | null)?.usage;
      if (usage === undefined) return;
      child.off('message', onMessage);
      resolve(usage);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}
