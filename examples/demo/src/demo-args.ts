import { parseArgs } from 'node:util';
import { DEFAULT_MONITOR_CLI_PORT } from '@vitamin/monitoring';

/** The port the dashboard tries first when `--monitor-port` is not given (the one `vitamin monitor` uses). */
export const DEFAULT_MONITOR_PORT = DEFAULT_MONITOR_CLI_PORT;

/** What `npm run demo -- …` may say. */
export interface DemoArgs {
  /** An etcd client URL: the services register and find each other there instead of in a file registry. */
  readonly etcd: string | undefined;
  /** Orders the load generator sends per second. */
  readonly rate: number;
  /**
   * The port of the monitor and its dashboard (0: a free one). Undefined: {@link DEFAULT_MONITOR_PORT},
   * or a free port when that one is taken.
   */
  readonly monitorPort: number | undefined;
}

export const USAGE = `usage: npm run demo -- [--etcd <url>] [--rate <orders per second>] [--monitor-port <port>]

  --etcd <url>            use etcd at <url> (e.g. http://127.0.0.1:2379) as the registry; default: a file registry
  --rate <n>              orders the load generator sends per second, 0 to 200 (default 10)
  --monitor-port <port>   port of the dashboard, 0 for a free one (default ${DEFAULT_MONITOR_PORT}, or a free one when taken)`;

/** Reads the demo's arguments. @throws Error naming the bad argument (the caller prints {@link USAGE}) */
export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      etcd: { type: 'string' },
      rate: { type: 'string', default: '10' },
      'monitor-port': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const rate = Number(values.rate);
  if (values.rate.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 200) {
    throw new Error(`--rate: '${values.rate}' is not a number of orders per second from 0 to 200`);
  }
  if (values.etcd !== undefined && !isHttpUrl(values.etcd)) {
    throw new Error(`--etcd: '${values.etcd}' is not an http(s) URL such as http://127.0.0.1:2379`);
  }
  const port = values['monitor-port'];
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535)) {
    throw new Error(`--monitor-port: '${port}' is not a port from 0 to 65535`);
  }
  return { etcd: values.etcd, rate, monitorPort: port === undefined ? undefined : Number(port) };
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
