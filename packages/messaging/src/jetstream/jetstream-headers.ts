import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';
import type { MessageHeaders } from '../message/message.js';

/** NATS headers from message headers. */
export function toNatsHeaders(headers: MessageHeaders): MsgHdrs {
  const h = natsHeaders();
  for (const [name, value] of Object.entries(headers)) h.set(name, value);
  return h;
}

/** Message headers from NATS headers (first value of each; NATS' own `Nats-*` headers left out). */
export function fromNatsHeaders(h: MsgHdrs | undefined): MessageHeaders {
  const headers: MessageHeaders = {};
  if (h === undefined) return headers;
  for (const name of h.keys()) if (!name.startsWith('Nats-')) headers[name] = h.get(name);
  return headers;
}
