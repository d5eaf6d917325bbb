// `npx @vitamin/monitoring` and `vitamin monitor`: flags to a running monitor, errors that say what is wrong.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMonitorCommand, type Monitor } from '@vitamin/monitoring';
import { eventually, getJson } from './support/events.js';
import { callChecks, startService, TOKEN, type RunningService } from './support/services.js';

let service: RunningService;
let dir: string;

beforeAll(async () => {
  service = await startService('billing', 'billing-1');
  await callChecks(service.url, 2);
  dir = mkdtempSync(join(tmpdir(), 'vitamin-monitor-cli-'));
  writeFileSync(join(dir, 'token'), `${TOKEN}\n`);
});
afterAll(async () => {
  await service?.app.close();
  rmSync(dir, { recursive: true, force: true });
});

const started = (args: string[]) =>
  new Promise<{ monitor: Monitor; lines: string[] }>((resolve, reject) => {
    const lines: string[] = [];
    createMonitorCommand({ out: (line) => lines.push(line), onStarted: (monitor) => resolve({ monitor, lines }) })
      .exitOverride()
      .parseAsync(args, { from: 'user' })
      .catch(reject);
  });

describe('the monitor command', () => {
  it('starts on static instances with the token read from a file', async () => {
    const { monitor, lines } = await started([
      '--instances',
      `billing=${service.url}`,
      '--port',
      '0',
      '--token-file',
      join(dir, 'token'),
    ]);
    try {
      expect(lines[0]).toContain(`dashboard at ${monitor.url}/`);
      const clusters = await eventually(async () => {
        const body = await getJson<{ clusters: { name: string; streaming: number; commands: number }[] }>(
          `${monitor.url}/api/clusters`,
        );
        return body.clusters[0]?.commands === 1 ? body.clusters : undefined;
      }, 'the billing stream, read with the token');
      expect(clusters).toEqual([{ name: 'billing', instances: 1, streaming: 1, commands: 1, openCircuits: 0 }]);
    } finally {
      await monitor.close();
    }
  });

  it('refuses what it cannot use, naming the flag', async () => {
    await expect(started(['--port', '0'])).rejects.toThrow(/no instances to monitor: give --instances/);
    await expect(started(['--instances', 'billing'])).rejects.toThrow(
      /--instances 'billing': expected <cluster>=<url>/,
    );
    await expect(
      started(['--instances', `billing=${service.url}`, '--token-file', join(dir, 'missing')]),
    ).rejects.toThrow(/--token-file .*missing/);
    await expect(started(['--registry', 'zookeeper'])).rejects.toThrow(/unknown registry 'zookeeper'/);
    await expect(started(['--instances', `billing=${service.url}`, '--port', 'x'])).rejects.toThrow(
      /--port 'x' is not a port number/,
    );
  });

  it('runs as the package bin until SIGTERM, then exits 0', async () => {
    const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
    const hooks = new URL('../../core/test/support/register-ts.mjs', import.meta.url);
    const child = spawn(
      process.execPath,
      [
        '--conditions=vitamin:source',
        '--import',
        hooks.href,
        bin,
        '--instances',
        `billing=${service.url}`,
        '--port',
        '0',
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, VITAMIN_MONITOR_TOKEN: TOKEN, LOG_LEVEL: 'silent' },
      },
    );
    try {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const url = await eventually(() => /dashboard at (http:\/\/[^/\s]+)\//.exec(out)?.[1], 'the monitor URL', 15_000);
      const page = await fetch(`${url}/`);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).toContain('<title>vitamin monitor</title>');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
