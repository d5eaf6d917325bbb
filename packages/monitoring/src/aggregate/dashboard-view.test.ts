import { describe, expect, it } from 'vitest';
import { commandTile, sortTiles } from './dashboard-view.js';
import type { MergedCommand } from './merge.js';
import { COMMAND_COUNTERS, type CommandCounter } from '../samples/command-sample.js';

function merged(name: string, requests: number, errors: number): MergedCommand {
  const counts = Object.fromEntries(COMMAND_COUNTERS.map((c) => [c, 0])) as Record<CommandCounter, number>;
  Object.assign(counts, { requestCount: requests, errorCount: errors, rollingCountSuccess: requests - errors });
  return {
    name,
    group: 'g',
    reportingHosts: 1,
    openHosts: 0,
    counts,
    percentiles: { '50': 3, '99': 9 },
    meanMs: 4,
    histogram: undefined,
    isLatencyExact: true,
    rollingWindowMs: 10_000,
    properties: {},
    newestEventTime: 1,
  };
}

describe('dashboard tiles', () => {
  it('come highest error percentage first, then busiest, then by name', () => {
    const tiles = sortTiles(
      [merged('quiet', 10, 0), merged('busy', 500, 0), merged('failing', 20, 10), merged('also-quiet', 10, 0)].map(
        commandTile,
      ),
    );
    expect(tiles.map((t) => t.name)).toEqual(['failing', 'busy', 'also-quiet', 'quiet']);
  });

  it('show the rate per second over the rolling window and the latency percentiles', () => {
    expect(commandTile(merged('c', 500, 5))).toMatchObject({
      rate: 50,
      errorPercentage: 1,
      latency: { p50: 3, p99: 9, mean: 4 },
      circuit: 'closed',
    });
  });
});
