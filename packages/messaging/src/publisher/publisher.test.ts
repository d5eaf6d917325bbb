import { describe, expect, it } from 'vitest';
import type { MessageEnvelope } from '../message/message.js';
import { InMemoryTransport } from '../transport/in-memory-transport.js';
import { Publisher } from './publisher.js';

/** A real in-memory transport that also keeps what was published. */
class RecordingTransport extends InMemoryTransport {
  readonly sent: MessageEnvelope[] = [];
  override publish(message: MessageEnvelope): Promise<void> {
    this.sent.push(message);
    return super.publish(message);
  }
}

describe('Publisher', () => {
  it('writes id, topic, key and the current trace context into headers', async () => {
    const transport = new RecordingTransport();
    const publisher = new Publisher(transport, () => ({ traceparent: '00-aa-bb-01', baggage: 'tenant=acme' }));
    const id = await publisher.publish('order.created', { orderId: 1 }, { key: '1', headers: { 'x-tenant': 'acme' } });
    const [message] = transport.sent;
    expect(message!.id).toBe(id);
    expect(message!.headers).toEqual({
      traceparent: '00-aa-bb-01',
      baggage: 'tenant=acme',
      'x-tenant': 'acme',
      'x-vitamin-id': id,
      'x-vitamin-topic': 'order.created',
      'x-vitamin-key': '1',
    });
    expect(JSON.parse(Buffer.from(message!.body).toString())).toEqual({ orderId: 1 });
  });

  it('refuses bad topics, header injection, reserved headers and non-JSON events before sending', async () => {
    const transport = new RecordingTransport();
    const publisher = new Publisher(transport);
    await expect(publisher.publish('order.*', {})).rejects.toMatchObject({ code: 'VITAMIN_E_INVALID_MESSAGE' });
    await expect(publisher.publish('o', {}, { headers: { a: 'x\r\nNats-Msg-Id: y' } })).rejects.toMatchObject({
      code: 'VITAMIN_E_INVALID_MESSAGE',
    });
    await expect(publisher.publish('o', {}, { headers: { 'bad name': 'x' } })).rejects.toThrow(/header "bad name"/);
    await expect(publisher.publish('o', {}, { headers: { 'x-vitamin-attempt': '9' } })).rejects.toThrow(/reserved/);
    await expect(publisher.publish('o', undefined)).rejects.toThrow(/not JSON/);
    expect(transport.sent).toEqual([]);
  });
});
