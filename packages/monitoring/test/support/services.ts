import { Writable } from 'node:stream';
import {
  Command,
  Controller,
  createApp,
  createLogger,
  Get,
  instanceFromUrl,
  Query,
  type App,
  type Instance,
  type InstanceMetadata,
  type Logger,
} from '@vitamin/core';

/** The actuator token every test service requires, and the monitor sends. */
export const TOKEN = 'monitor-test-token';

/** The command key of {@link StockController.check}; hostile markup is kept for the escaping tests. */
export const CHECK_KEY = 'stock-check';

@Controller('/stock')
export class StockController {
  /** Answers after `ms` milliseconds (a latency the test chooses), or fails when `fail` is set. */
  @Get('/check', { summary: 'Check the stock of an item' })
  @Command({ key: CHECK_KEY, group: 'stock', pool: { maxConcurrent: 100 } })
  async check(@Query('ms') ms?: string, @Query('fail') fail?: string): Promise<{ ok: boolean }> {
    if (Number(ms) > 0) await new Promise((resolve) => setTimeout(resolve, Number(ms)));
    if (fail === 'yes') throw new Error('the stock service failed');
    return { ok: true };
  }
}

/** A logger that writes nowhere, or into `lines` when given. */
export function quietLogger(lines?: string[]): Logger {
  return createLogger({
    level: lines === undefined ? 'silent' : 'info',
    destination: new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        lines?.push(chunk.toString('utf8'));
        done();
      },
    }),
  });
}

/** A running service instance and its registry record. */
export interface RunningService {
  readonly app: App;
  readonly url: string;
  readonly instance: Instance;
}

/**
 * Starts a real vitamin app of `service` on an ephemeral loopback port, with its actuator behind
 * {@link TOKEN} and a fast metric stream, and returns the record a registry would hold.
 */
export async function startService(
  service: string,
  id: string,
  metadata: InstanceMetadata = {},
  controllers: (new (...args: never[]) => unknown)[] = [StockController],
): Promise<RunningService> {
  const app = createApp({
    name: service,
    controllers,
    logger: quietLogger(),
    config: {
      vitamin: {
        server: { port: 0, host: '127.0.0.1' },
        actuator: { token: TOKEN },
        info: { version: typeof metadata.version === 'string' ? metadata.version : '1.0.0' },
        command: { default: { maxConcurrent: 200 } },
      },
    },
    actuator: { streamIntervalMs: 100 },
  });
  const { url } = await app.listen();
  return { app, url, instance: instanceFromUrl(service, url, 'test', { id, metadata }) };
}

/** Calls `/stock/check` `count` times on `url`, in parallel batches of 20. */
export async function callChecks(url: string, count: number, query = ''): Promise<void> {
  for (let done = 0; done < count; done += 20) {
    const batch = Math.min(20, count - done);
    await Promise.all(
      Array.from({ length: batch }, () =>
        fetch(`${url}/stock/check${query}`).then((response) => response.arrayBuffer()),
      ),
    );
  }
}
