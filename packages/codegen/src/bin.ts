#!/usr/bin/env node
import { CommanderError } from 'commander';
import { createCli } from './cli.js';

try {
  await createCli().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode;
  else {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
