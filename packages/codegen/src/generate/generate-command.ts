import { Command } from 'commander';
import { VitaminError } from '@vitamin/core';
import { configFileLocator, fixedLocator, openApiUrl, type ServiceLocator } from '../registry/service-locator.js';
import { generateClient } from './generate-client.js';
import { staleFiles, writeGenerated } from './output-folder.js';

/** Options of the `generate` verb, as commander parses them. */
interface GenerateFlags {
  service?: string;
  out: string;
  name?: string;
  check?: boolean;
  allowExternalRefs?: boolean;
  fromRegistry?: string;
  config?: string;
  url?: string;
}

/** Raised by `--check` when the files on disk are not what would be generated. */
export class StaleOutputError extends Error {
  constructor(readonly files: readonly string[]) {
    super(`Generated files are stale: ${files.join(', ')}\nRun vitamin generate again and commit the result.`);
    this.name = 'StaleOutputError';
  }
}

/** The `vitamin generate` verb. */
export function generateCommand(log: (line: string) => void = console.log): Command {
  return new Command('generate')
    .exitOverride()
    .showHelpAfterError()
    .description(
      'Generate types.ts and a typed provider client (client.ts) from an OpenAPI 3.0/3.1 or Swagger 2.0 spec',
    )
    .argument('[spec]', 'spec file (YAML or JSON) or http(s) URL')
    .requiredOption('--out <dir>', 'folder to write types.ts and client.ts into')
    .option('--service <name>', 'registry name of the provider (required unless --from-registry)')
    .option('--name <ClassName>', 'name of the client class (default: from the service name)')
    .option('--check', 'write nothing; exit non-zero when the files on disk differ from what would be generated')
    .option('--allow-external-refs', "let $ref read files or URLs outside the spec's own folder")
    .option('--from-registry <service>', "take the spec from a live instance's /openapi.json")
    .option('--config <file>', 'app config (YAML or JSON) giving vitamin.services.<name>.url, with --from-registry')
    .option('--url <url>', 'base URL of the instance, with --from-registry')
    .action(async (spec: string | undefined, flags: GenerateFlags) => {
      const source = await specSource(spec, flags);
      const service = flags.service ?? flags.fromRegistry;
      if (service === undefined) throw new VitaminError('VITAMIN_E_CONFIG', '--service <name> is required');
      const files = await generateClient({
        spec: source,
        service,
        name: flags.name,
        allowExternalRefs: flags.allowExternalRefs,
      });
      if (flags.check) {
        const stale = await staleFiles(flags.out, files);
        if (stale.length > 0) throw new StaleOutputError(stale);
        log(`${flags.out}: up to date`);
        return;
      }
      for (const file of await writeGenerated(flags.out, files)) log(`wrote ${file}`);
    });
}

async function specSource(spec: string | undefined, flags: GenerateFlags): Promise<string> {
  if (flags.fromRegistry === undefined) {
    if (spec === undefined)
      throw new VitaminError('VITAMIN_E_CONFIG', 'give a spec file or URL, or --from-registry <service>');
    return spec;
  }
  if (spec !== undefined) throw new VitaminError('VITAMIN_E_CONFIG', 'give either a spec or --from-registry, not both');
  return (await locator(flags)(flags.fromRegistry).then(openApiUrl)).href;
}

function locator(flags: GenerateFlags): ServiceLocator {
  if (flags.url !== undefined) return fixedLocator(flags.url);
  if (flags.config !== undefined) return configFileLocator(flags.config);
  throw new VitaminError(
    'VITAMIN_E_CONFIG',
    '--from-registry needs --config <app config file> or --url <instance URL>',
  );
}
