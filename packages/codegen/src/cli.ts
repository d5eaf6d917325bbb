import { Command } from 'commander';
import { createConfigCommand } from './config-command.js';
import { generateCommand } from './generate/generate-command.js';
import { openapiCommand } from './openapi/openapi-command.js';
import { PACKAGE_VERSION } from './package-version.js';
import { newCommand } from './scaffold/scaffold-command.js';
import { createDlqCommand } from '@vitamin/messaging';
import { createMonitorCommand } from '@vitamin/monitoring';

/**
 * Builds the `vitamin` command. Each verb lives in its own module and registers itself here, so
 * `vitamin --help` lists what this version can do.
 */
export function createCli(): Command {
  return new Command('vitamin')
    .description('vitamin: typed provider clients, services from templates, specs from decorators')
    .version(PACKAGE_VERSION)
    .showHelpAfterError()
    .exitOverride()
    .addCommand(createConfigCommand())
    .addCommand(generateCommand())
    .addCommand(openapiCommand())
    .addCommand(newCommand())
    .addCommand(createDlqCommand())
    .addCommand(createMonitorCommand());
}
