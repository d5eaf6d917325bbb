import { request } from 'undici';

/**
 * Reads a Server-Sent Events stream until `done` accepts the events seen so far (parsed `data:`
 * payloads), then closes it; rejects after `timeoutMs`.
 */
export async function readEvents(
  url: string,
  done: (events: Record<string, unknown>[]) => boolean,
  timeoutMs = 10_000,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>[]> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`no satisfying events from ${url} within ${timeoutMs} ms`)),
    timeoutMs,
  );
  const events: Record<string, unknown>[] = [];
  try {
    const response = await request(url, { signal: controller.signal, headers });
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
    let rest = '';
    for await (const chunk of response.body) {
      const lines = (rest + (chunk as Buffer).toString('utf8')).split('\n');
      rest = lines.pop()!;
      for (const line of lines)
        if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as Record<string, unknown>);
      if (done(events)) {
        // Aborting (rather than destroying the body) makes undici close the socket at once.
        controller.abort();
        return events;
      }
    }
    throw new Error(`${url} ended before the expected events`);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` every 25 ms until it resolves truthy; rejects naming `what` after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false && value !== null) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** GETs `url` and parses its JSON body. */
export async function getJson<T = Record<string, unknown>>(url: string): Promise<T> {
  const response = await fetch(url);
  return (await response.json()) as T;
}
