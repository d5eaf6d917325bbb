import { relative } from 'node:path';
import { Command } from 'commander';
import { DEFAULT_SERVICE_PORT, scaffoldService } from './scaffold-service.js';

/** The `vitamin new` verb. */
export function newCommand(): Command {
  return new Command('new')
    .exitOverride()
    .showHelpAfterError()
    .description('Create a service from the template: a controller, config, health, tests, Dockerfile, Kubernetes')
    .argument('<name>', 'npm package name of the service (order-service, @acme/order-service)')
    .option('--dir <folder>', 'folder to create it in, which must be empty (default: the service name)')
    .option('--port <port>', 'port the service listens on', String(DEFAULT_SERVICE_PORT))
    .action(async (name: string, flags: { dir?: string; port: string }) => {
      const result = await scaffoldService({ name, dir: flags.dir, port: flags.port });
      const where = shownPath(result.folder);
      console.log(`created ${result.serviceName} in ${where} (${result.files.length} files)`);
      console.log(
        `next: cd ${/^[\w@%+=:,./-]+$/.test(where) ? where : JSON.stringify(where)} && npm install && npm test && npm run dev`,
      );
    });
}

/** The folder relative to the working directory when it is below it, else in full. */
function shownPath(folder: string): string {
  const below = relative(process.cwd(), folder);
  return below === '' ? '.' : below.startsWith('..') ? folder : below;
}
