import { Command, Option } from 'commander';
import { VitaminError } from '@vitamin/core';
import type { DeadLetter } from '../message/message.js';
import type { MessageTransport } from '../transport/message-transport.js';
import { transportFromUrl } from './transport-from-url.js';

/** Options of {@link createDlqCommand}. */
export interface DlqCommandOptions {
  /** Makes the transport for a broker URL. @defaultValue `transportFromUrl` */
  connect?: (url: string) => MessageTransport;
  /** Where output lines go. @defaultValue standard output */
  write?: (line: string) => void;
}

/** Dead letters come from other services: never let their text drive the terminal (escape sequences). */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function describeLetter(letter: DeadLetter): string {
  const { message } = letter;
  return [message.id, message.topic, letter.reason, `attempts=${letter.attempts}`, letter.deadLetteredAt, letter.error]
    .map((field) => printable(String(field)))
    .join('\t');
}

function bodyOf(letter: DeadLetter): unknown {
  const text = Buffer.from(letter.message.body).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The `vitamin dlq` command: `list <group>`, `show <group> <id>` and `redrive <group> [--id …]`,
 * against the broker given by `--url` or `VITAMIN_MESSAGING_URL`.
 */
export function createDlqCommand(options: DlqCommandOptions = {}): Command {
  const connect = options.connect ?? transportFromUrl;
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const url = new Option('--url <url>', 'broker URL (amqp://… or nats://…)').env('VITAMIN_MESSAGING_URL');

  const withTransport = async (brokerUrl: string | undefined, run: (transport: MessageTransport) => Promise<void>) => {
    if (brokerUrl === undefined) {
      throw new VitaminError('VITAMIN_E_CONFIG', 'No broker: pass --url or set VITAMIN_MESSAGING_URL.');
    }
    const transport = connect(brokerUrl);
    try {
      await run(transport);
    } finally {
      await transport.close();
    }
  };

  const dlq = new Command('dlq').description("inspect and redrive a consumer group's dead-letter queue");
  dlq
    .command('list')
    .description('list dead letters: id, topic, reason, attempts, when, last error')
    .argument('<group>', 'consumer group')
    .addOption(url)
    .option('--limit <n>', 'most letters to list', (v) => Number.parseInt(v, 10), 100)
    .action((group: string, opts: { url?: string; limit: number }) =>
      withTransport(opts.url, async (transport) => {
        const letters = await transport.deadLetters(group, opts.limit);
        for (const letter of letters) write(describeLetter(letter));
        write(`${letters.length} dead letter(s) in group '${printable(group)}'`);
      }),
    );
  dlq
    .command('show')
    .description('show one dead letter with its headers and body')
    .argument('<group>', 'consumer group')
    .argument('<id>', 'message id')
    .addOption(url)
    .action((group: string, id: string, opts: { url?: string }) =>
      withTransport(opts.url, async (transport) => {
        const letter = (await transport.deadLetters(group, 10_000)).find((l) => l.message.id === id);
        if (letter === undefined) {
          throw new VitaminError(
            'VITAMIN_E_CONFIG',
            `No dead letter '${printable(id)}' in group '${printable(group)}'.`,
          );
        }
        const { message, ...rest } = letter;
        const shown = {
          ...rest,
          id: message.id,
          topic: message.topic,
          key: message.key,
          headers: message.headers,
          body: bodyOf(letter),
        };
        write(printable(JSON.stringify(shown, null, 2)).replaceAll('\\u000a', '\n'));
      }),
    );
  dlq
    .command('redrive')
    .description("send dead letters back to the group's queue (all, or those given with --id)")
    .argument('<group>', 'consumer group')
    .addOption(url)
    .option('--id <id...>', 'only these message ids')
    .action((group: string, opts: { url?: string; id?: string[] }) =>
      withTransport(opts.url, async (transport) => {
        const moved = await transport.redrive(group, opts.id);
        write(`redrove ${moved} dead letter(s) of group '${printable(group)}'`);
      }),
    );
  return dlq;
}
