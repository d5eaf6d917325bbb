import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCli } from '../src/index.js';
import { NPM_ENV } from './support/cli-help.js';

// What a user does after `vitamin new`, against this repository's @vitamin/core packed as npm would
// publish it: install, build, lint, type-check, run the new project's own tests, and start it.

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
/** Each step takes seconds here; a machine busy with other work may need minutes. */
const STEP_TIMEOUT_MS = 240_000;

async function run(command: string, args: string[], cwd: string): Promise<string> {
  try {
    // A step that hangs is killed, so nothing outlives the test.
    const { stdout } = await promisify(execFile)(command, args, {
      cwd,
      env: NPM_ENV,
      maxBuffer: 16 * 1024 * 1024,
      timeout: STEP_TIMEOUT_MS,
    });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`, {
      cause: error,
    });
  }
}

describe('a scaffolded service', () => {
  let work: string;
  let project: string;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'vitamin-new-'));
    project = join(work, 'inventory-service');
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await rm(work, { recursive: true, force: true });
  });

  it('installs, builds, lints, type-checks and passes its own tests', { timeout: 600_000 }, async () => {
    await run(process.execPath, [TSC, '-b', join(REPO, 'packages', 'core')], REPO);
    const packed = JSON.parse(
      await run('npm', ['pack', '--json', '--pack-destination', work], join(REPO, 'packages', 'core')),
    );
    const tarball = join(work, (packed as { filename: string }[])[0]!.filename);

    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await createCli().parseAsync(['new', 'inventory-service', '--dir', project, '--port', '8123'], { from: 'user' });
    } finally {
      log.mockRestore();
    }
    const manifestPath = join(project, 'package.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { dependencies: Record<string, string> };
    manifest.dependencies['@vitamin/core'] = `file:${tarball}`;
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], project);
    await run('npm', ['run', 'build'], project);
    await run('npm', ['run', 'lint'], project);
    await run('npm', ['run', 'typecheck'], project);
    const tests = stripVTControlCharacters(await run('npm', ['test'], project));
    expect(tests).toMatch(/Test Files\s+2 passed \(2\)/);
    expect(tests).toMatch(/Tests\s+\d+ passed \(\d+\)/);
    expect(tests).not.toMatch(/failed|skipped/);
  });

  it(
    'serves from dist/main.js, and on SIGTERM goes unready, keeps serving, drains and exits 0',
    { timeout: 30_000 },
    async () => {
      server = spawn(process.execPath, ['dist/main.js'], {
        cwd: project,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...NPM_ENV,
          VITAMIN_PROFILE: 'prod',
          // Loopback and a free port here, instead of the prod profile's 0.0.0.0:8123; a short preStop.
          VITAMIN_PROPS__vitamin__server__host: '127.0.0.1',
          VITAMIN_PROPS__vitamin__server__port: '0',
          VITAMIN_PROPS__vitamin__shutdown__preStopDelayMs: '1500',
        },
      });
      const lines: Record<string, unknown>[] = [];
      const listening = new Promise<string>((resolve) => {
        createInterface({ input: server!.stdout! }).on('line', (text) => {
          const line = JSON.parse(text) as Record<string, unknown>;
          lines.push(line);
          if (line['msg'] === 'inventory-service listening') resolve(String(line['url']));
        });
      });
      const exited = once(server, 'exit') as Promise<[number | null, string | null]>;
      const url = await listening;
      expect((await fetch(`${url}/actuator/health/readiness`)).status).toBe(200);

      server.kill('SIGTERM');
      let readiness = 200;
      while (readiness === 200) readiness = (await fetch(`${url}/actuator/health/readiness`)).status;
      expect(readiness).toBe(503);
      // Still serving during the preStop delay, so requests routed here meanwhile succeed.
      const greeting = await fetch(`${url}/greetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ada' }),
      });
      expect(greeting.status).toBe(201);
      expect(await exited).toEqual([0, null]);
      expect(lines).toContainEqual(
        expect.objectContaining({ signal: 'SIGTERM', msg: 'inventory-service: shutting down' }),
      );
      server = undefined;
    },
  );
});
