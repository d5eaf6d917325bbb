import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { Controller, createApp, createLogger, Get } from '@vitamin/core';

const quiet = () => createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });

@Controller('/slow')
class SlowController {
  @Get('')
  async slow() {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { done: true };
  }

  @Get('/fast')
  fast() {
    return { done: true };
  }
}

describe('graceful shutdown', () => {
  it('reports not-ready first, deregisters while still serving, waits the preStop delay, then stops', async () => {
    const app = createApp({
      name: 'ordered',
      controllers: [SlowController],
      logger: quiet(),
      shutdown: { preStopDelayMs: 200 },
    });
    const { url } = await app.listen();
    const agent = new Agent();
    const steps: string[] = [];
    const status = async (path: string) => {
      const res = await request(`${url}${path}`, { dispatcher: agent });
      await res.body.dump();
      return res.statusCode;
    };
    app.onShutdown('deregister', async () => {
      steps.push(`deregister: readiness ${await status('/actuator/health/readiness')}`);
      steps.push(`deregister: liveness ${await status('/actuator/health/liveness')}`);
    });
    app.onShutdown('close', () => void steps.push('close'));
    const started = Date.now();
    const closing = app.close();
    expect(app.close()).toBe(closing);
    await new Promise((resolve) => setTimeout(resolve, 100));
    steps.push(`preStop: request ${await status('/slow/fast')}`);
    await closing;
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(steps).toEqual(['deregister: readiness 503', 'deregister: liveness 200', 'preStop: request 200', 'close']);
    await expect(request(`${url}/slow/fast`, { dispatcher: agent })).rejects.toThrow();
    await agent.close();
  });

  it('finishes in-flight requests with Connection: close and closes idle keep-alive sockets at once', async () => {
    const app = createApp({ name: 'draining', controllers: [SlowController], logger: quiet() });
    const { port } = await app.listen();
    const raw = (path: string) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
      socket.write(`GET ${path} HTTP/1.1\r\nhost: x\r\nconnection: keep-alive\r\n\r\n`);
      return { socket, closed, text: () => text };
    };
    const idle = raw('/slow/fast');
    const busy = raw('/slow');
    while (!idle.text().includes('\r\n\r\n{')) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(idle.text()).toMatch(/connection: keep-alive/i);
    const started = Date.now();
    const closing = app.close();
    expect((await idle.closed) - started).toBeLessThan(100);
    await busy.closed;
    await closing;
    expect(busy.text()).toMatch(/^HTTP\/1\.1 200/);
    expect(busy.text()).toMatch(/connection: close/i);
    expect(busy.text()).toContain('{"done":true}');
  });

  it('closes at once a connection that never sent a request (an HTTP client may open one ahead)', async () => {
    const app = createApp({ name: 'unused-connection', logger: quiet() });
    const { port } = await app.listen();
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
    socket.resume();
    const started = Date.now();
    await app.close();
    expect((await closed) - started).toBeLessThan(100);
  });

  it('cuts requests still running at the deadline', async () => {
    const app = createApp({
      name: 'deadline',
      controllers: [SlowController],
      logger: quiet(),
      shutdown: { timeoutMs: 50 },
    });
    const { url } = await app.listen();
    const agent = new Agent();
    const pending = request(`${url}/slow`, { dispatcher: agent });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(250);
    await expect(pending).rejects.toThrow();
    await agent.close();
  });

  it('handles signals only when asked, once however often asked, and lets go after close', async () => {
    const before = process.listenerCount('SIGTERM');
    const app = createApp({ name: 'signals', logger: quiet() });
    await app.listen();
    expect(process.listenerCount('SIGTERM')).toBe(before);
    app.enableShutdownHooks().enableShutdownHooks();
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    expect(process.listenerCount('SIGINT')).toBeGreaterThan(0);
    await app.close();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  it('refuses shutdown options that are not whole milliseconds, naming the option', () => {
    expect(() => createApp({ name: 'bad', logger: quiet(), shutdown: { timeoutMs: -1 } })).toThrow(
      'shutdown option timeoutMs must be an integer ≥ 0 (ms), got -1',
    );
  });
});
