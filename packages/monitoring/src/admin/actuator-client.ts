import { request, type Dispatcher } from 'undici';

/** Most bytes read from one actuator or OpenAPI answer. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** An answer of an instance: its status and parsed JSON body (undefined when not JSON). */
export interface ActuatorAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Calls an instance (only ever at a URL built from a registry record) with the bearer token, a
 * deadline and a size limit.
 */
export async function callInstance(
  dispatcher: Dispatcher,
  url: string,
  token: string | undefined,
  timeoutMs: number,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<ActuatorAnswer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await request(url, {
    dispatcher,
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    signal: AbortSignal.timeout(timeoutMs),
  });
  let text = '';
  for await (const chunk of response.body) {
    text += (chunk as Buffer).toString('utf8');
    if (text.length > MAX_BODY_BYTES) {
      response.body.destroy();
      throw new RangeError(`${url} answered more than ${MAX_BODY_BYTES} bytes`);
    }
  }
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.statusCode, body };
}
