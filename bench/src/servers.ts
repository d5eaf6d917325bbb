import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, createApp, createLogger, Get, Param } from '@vitamin/core';

import { answerCpuQueries, processUsage } from './cpu-queries.js';
import { PAYLOAD } from './payload.js';

@Controller('/greetings')
class BenchController {
  @Get('/:id')
  get(@Param('id') id: string) {
    return { ...PAYLOAD, id };
  }
}

/** Starts a server of `kind` in this process and reports its port to the parent. */
async function serve(kind: string): Promise<void> {
  let port: number;
  if (kind === 'raw') {
    const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
      const id = req.url!.slice('/greetings/'.length);
      const text = JSON.stringify({ ...PAYLOAD, id });
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  } else {
    // `vitamin-bare`: the actuator (and so the per-request metrics) turned off.
    const actuator = { vitamin: { actuator: { enabled: kind !== 'vitamin-bare' } } };
    const app = createApp({
      name: 'bench',
      controllers: [BenchController],
      logger: createLogger({ level: 'silent' }),
      config: actuator,
    });
    port = (await app.listen()).port;
  }
  process.send!({ port });
  answerCpuQueries();
}

/** CPU time (user + system, in µs) a benchmark server process has used so far. */
export async function serverCpuMicros(child: ChildProcess): Promise<number> {
  return (await processUsage(child)).cpuMicros;
}

/** A benchmark server in a child process, so that it never competes with the caller's event loop. */
export async function startServerProcess(
  kind: 'raw' | 'vitamin' | 'vitamin-bare',
): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(new URL(import.meta.url), [kind], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`benchmark server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

if (process.send !== undefined && process.argv[2] !== undefined) await serve(process.argv[2]);
