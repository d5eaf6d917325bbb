import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { buildOpenApiDocument } from '@vitamin/core';
import { loadEntryApp } from './load-entry.js';

/** The `vitamin openapi` verb. */
export function openapiCommand(log: (line: string) => void = console.log): Command {
  return new Command('openapi')
    .exitOverride()
    .showHelpAfterError()
    .description("Write the OpenAPI 3.1 description of an app's decorated controllers")
    .argument('<entry>', 'a JavaScript module exporting the app (or a function creating it) as `app` or default')
    .option('--out <file>', 'where to write the description', 'openapi.json')
    .option('--export <name>', 'the export holding the app or its factory (default: app, then default)')
    .option('--api-version <version>', 'info.version of the description', '0.0.0')
    .action(async (entry: string, flags: { out: string; export?: string; apiVersion: string }) => {
      const loaded = await loadEntryApp(entry, flags.export);
      try {
        const document = buildOpenApiDocument(loaded.app, { version: flags.apiVersion });
        const out = resolve(flags.out);
        await writeFile(out, `${JSON.stringify(document, null, 2)}\n`);
        log(`wrote ${out}`);
      } finally {
        if (loaded.created) await loaded.app.close();
      }
    });
}
