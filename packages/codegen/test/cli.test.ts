import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type App } from '@vitamin/core';
import { greetingService } from '../../../examples/greeting/src/apps.js';
import { createCli, StaleOutputError } from '../src/index.js';
import { helpOf } from './support/cli-help.js';
import { workFolder } from './support/work-folder.js';

const PETSTORE = fileURLToPath(new URL('fixtures/petstore-3.0.yaml', import.meta.url));
const GREETING_APPS = fileURLToPath(new URL('../../../examples/greeting/src/apps.ts', import.meta.url));

function run(args: string[]): Promise<Command> {
  return createCli().parseAsync(args, { from: 'user' });
}

describe('the vitamin command', () => {
  it('has the monitor subcommand of @vitamin/monitoring', () => {
    const monitor = createCli().commands.find((command) => command.name() === 'monitor');
    expect(monitor?.description()).toMatch(/monitoring service/);
    expect(monitor?.options.map((option) => option.long)).toContain('--registry');
  });

  let folder: Awaited<ReturnType<typeof workFolder>>;
  let service: App;
  let serviceUrl: string;

  beforeAll(async () => {
    folder = await workFolder('cli');
    service = greetingService({ logger: createLogger({ level: 'silent' }) });
    serviceUrl = (await service.listen()).url;
  });
  afterAll(async () => {
    await service?.close();
    await folder?.remove();
  });

  it('--check passes on fresh output and fails, writing nothing, on stale output', async () => {
    const out = join(folder.path, 'pets');
    await run(['generate', PETSTORE, '--service', 'pet-service', '--out', out, '--name', 'PetClient']);
    await run(['generate', PETSTORE, '--service', 'pet-service', '--out', out, '--name', 'PetClient', '--check']);
    const client = join(out, 'client.ts');
    await writeFile(client, `${await readFile(client, 'utf8')}// edited by hand\n`);
    const error = await run([
      'generate',
      PETSTORE,
      '--service',
      'pet-service',
      '--out',
      out,
      '--name',
      'PetClient',
      '--check',
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleOutputError);
    expect((error as StaleOutputError).files).toEqual([client]);
    expect(await readFile(client, 'utf8')).toContain('// edited by hand');
  });

  it('--from-registry finds the instance through vitamin.services.<name>.url in the app config', async () => {
    const config = join(folder.path, 'application.yaml');
    await writeFile(config, `vitamin:\n  services:\n    greeting-service:\n      url: ${serviceUrl}\n`);
    const out = join(folder.path, 'from-registry');
    await run(['generate', '--from-registry', 'greeting-service', '--config', config, '--out', out]);
    expect(await readFile(join(out, 'client.ts'), 'utf8')).toContain('@Provider({ service: "greeting-service" })');
  });

  it('--from-registry names the missing property', async () => {
    const config = join(folder.path, 'empty.yaml');
    await writeFile(config, 'vitamin: {}\n');
    await expect(
      run(['generate', '--from-registry', 'delivery', '--config', config, '--out', join(folder.path, 'x')]),
    ).rejects.toThrow(/has no vitamin\.services\.delivery\.url/);
  });

  it('refuses a class name that is not an identifier', async () => {
    await expect(
      run(['generate', PETSTORE, '--service', 'pets', '--out', join(folder.path, 'y'), '--name', 'Pet Client;']),
    ).rejects.toThrow(/--name 'Pet Client;' is not a valid class name/);
  });

  it('openapi writes the description of the app an entry module exports', async () => {
    const out = join(folder.path, 'openapi.json');
    await run(['openapi', GREETING_APPS, '--export', 'greetingService', '--out', out, '--api-version', '1.2.3']);
    const document = JSON.parse(await readFile(out, 'utf8')) as { openapi: string; info: unknown; paths: object };
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual({ title: 'greeting-service', version: '1.2.3' });
    expect(Object.keys(document.paths).sort()).toEqual(['/greetings', '/greetings/_/fail', '/greetings/{name}']);
  });

  it('shows help for each verb', async () => {
    const help = await helpOf('generate');
    expect(help).toContain('--from-registry <service>');
    expect(help).toContain('--check');
  });
});
