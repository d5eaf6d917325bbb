import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { StaticRegistry } from '@vitamin/core';
import type { Monitor } from '@vitamin/monitoring';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDemoMonitor } from '../src/demo-monitor.js';
import { demoTokens } from '../src/demo-tokens.js';

describe("the demo's monitor", () => {
  let taken: Server;
  let takenPort: number;
  const monitors: Monitor[] = [];
  const options = (port: number | undefined) => ({
    registry: new StaticRegistry(),
    clusters: ['delivery-service'],
    port,
    preferredPort: takenPort,
    tokens: demoTokens({}),
    log: () => undefined,
  });

  beforeEach(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    takenPort = (taken.address() as AddressInfo).port;
  });
  afterEach(async () => {
    await Promise.all(monitors.splice(0).map((m) => m.close()));
    await new Promise((resolve) => taken.close(resolve));
  });

  it('takes a free port when its usual one is taken', async () => {
    const monitor = await startDemoMonitor(options(undefined));
    monitors.push(monitor);
    expect(monitor.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(monitor.url).not.toBe(`http://127.0.0.1:${takenPort}`);
    expect((await fetch(`${monitor.url}/api/health`)).status).toBe(200);
  });

  it('refuses a port asked for that is taken, naming it and the option', async () => {
    await expect(startDemoMonitor(options(takenPort))).rejects.toThrow(
      new RegExp(`^the monitor could not listen on port ${takenPort}: .*EADDRINUSE.* \\(see --monitor-port\\)$`),
    );
  });
});
