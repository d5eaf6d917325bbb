import { parseArgs } from 'node:util';

/** What `npm run demo -- …` may say. */
export interface DemoArgs {
  /** An etcd client URL: the services register and find each other there instead of in a file registry. */
  readonly etcd: string | undefined;
  /** Orders the load generator sends per second. */
  readonly rate: number;
}

export const USAGE = `usage: npm run demo -- [--etcd <url>] [--rate <orders per second>]

  --etcd <url>   use etcd at <url> (e.g. http://127.0.0.1:2379) as the registry; default: a file registry
  --rate <n>     orders the load generator sends per second, 0 to 200 (default 10)`;

/** Reads the demo's arguments. @throws Error naming the bad argument (the caller prints {@link USAGE}) */
export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: { etcd: { type: 'string' }, rate: { type: 'string', default: '10' } },
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
  return { etcd: values.etcd, rate };
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
