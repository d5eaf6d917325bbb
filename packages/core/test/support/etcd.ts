import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real etcd server started for a test, on free loopback ports with a temporary data directory. */
export interface EtcdServer {
  /** `http://127.0.0.1:<port>`: the client endpoint. */
  readonly endpoint: string;
  /** Stops the server (SIGTERM) and waits for it; the data directory is kept for {@link start}. */
  stop(): Promise<void>;
  /** Starts it again on the same ports and data directory (after {@link stop}). */
  start(): Promise<void>;
  /** Stops the server for good and removes its data directory. */
  dispose(): Promise<void>;
}

/**
 * Starts etcd (Debian package `etcd-server`; `.ci/run` installs it) and resolves once it answers
 * its health check. Every test that calls this must call `dispose()` in its `afterAll`.
 */
export async function startEtcd(): Promise<EtcdServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitamin-etcd-'));
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const endpoint = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    const args = [
      '--name=test',
      `--data-dir=${dataDir}`,
      `--listen-client-urls=${endpoint}`,
      `--advertise-client-urls=${endpoint}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=test=${peer}`,
      '--log-level=error',
      '--logger=zap',
    ];
    const proc = spawn(process.env['ETCD_BIN'] ?? 'etcd', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    let stderr = '';
    proc.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const failed = new Promise<never>((_, reject) => {
      proc.once('error', (error) =>
        reject(new Error(`etcd could not start (is the Debian package etcd-server installed?): ${error.message}`)),
      );
      proc.once('exit', (code) => reject(new Error(`etcd exited with ${code} before it was healthy: ${stderr}`)));
    });
    await Promise.race([waitHealthy(endpoint), failed]);
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (proc === undefined || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  };

  await start();
  return {
    endpoint,
    stop,
    start,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitHealthy(endpoint: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${endpoint}/health`);
      if (res.ok && ((await res.json()) as { health?: string }).health === 'true') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`etcd at ${endpoint} was not healthy within 15 s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
