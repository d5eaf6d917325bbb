import { afterAll, describe, expect, it } from 'vitest';
import { createDlqCommand, createMessaging, RabbitMqTransport, transportFromUrl } from '@vitamin/messaging';
import { deleteRabbitMqQueues } from './support/broker-cleanup.js';
import { BROKERS, unreachable } from './support/brokers.js';
import { uniqueName, waitFor } from './support/wait.js';

const skip = await unreachable('rabbitmq');

/** Runs `vitamin dlq …` as the CLI would, returning what it printed. */
async function dlq(...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const command = createDlqCommand({ write: (line) => void lines.push(line) }).exitOverride();
  await command.parseAsync(['node', 'dlq', ...args, '--url', BROKERS.rabbitmq.url]);
  return lines;
}

describe('transportFromUrl', () => {
  it('refuses an unknown scheme without repeating the URL (it may hold credentials)', () => {
    expect(() => transportFromUrl('http://user:secret@host')).toThrow(/Unsupported broker URL scheme 'http:'/);
    expect(() => transportFromUrl('http://user:secret@host')).not.toThrow(/secret/);
    expect(() => transportFromUrl('not a url')).toThrow(/not a URL/);
  });
});

describe.skipIf(skip !== undefined)(`vitamin dlq over RabbitMQ${skip ? ` (skipped: ${skip})` : ''}`, () => {
  afterAll(deleteRabbitMqQueues);

  it('lists, shows and redrives the dead letters of a group', async () => {
    const messaging = createMessaging({ transport: new RabbitMqTransport({ url: BROKERS.rabbitmq.url }) });
    const topic = `${uniqueName('cli')}.created`;
    const group = uniqueName('g');
    let fixed = false;
    const handled: unknown[] = [];
    await messaging.subscribe(topic, { group, maxAttempts: 1 }, (event) => {
      if (!fixed) throw new Error('database down\u001b[31m');
      handled.push(event);
    });
    const first = await messaging.publisher.publish(topic, { n: 1 });
    const second = await messaging.publisher.publish(topic, { n: 2 });
    await waitFor(async () => (await messaging.transport.deadLetters(group)).length === 2, 'two dead letters');

    const listed = await dlq('list', group);
    expect(listed).toHaveLength(3);
    expect(listed.join('\n')).toContain(first);
    expect(listed.join('\n')).toContain('exhausted\tattempts=1');
    // The error text comes from the handler: control characters are shown escaped, never sent to the terminal.
    expect(listed.join('\n')).toContain('database down\\u001b[31m');
    expect(listed.at(-1)).toBe(`2 dead letter(s) in group '${group}'`);

    const shown = JSON.parse((await dlq('show', group, second)).join('\n')) as Record<string, unknown>;
    expect(shown).toMatchObject({ id: second, topic, reason: 'exhausted', attempts: 1, body: { n: 2 } });

    fixed = true;
    expect(await dlq('redrive', group, '--id', first)).toEqual([`redrove 1 dead letter(s) of group '${group}'`]);
    await waitFor(() => handled.length === 1, 'redriven letter handled');
    expect(handled).toEqual([{ n: 1 }]);
    expect(await dlq('redrive', group)).toEqual([`redrove 1 dead letter(s) of group '${group}'`]);
    await waitFor(() => handled.length === 2, 'second letter handled');
    expect((await dlq('list', group)).at(-1)).toBe(`0 dead letter(s) in group '${group}'`);
    await messaging.close();
  });
});
