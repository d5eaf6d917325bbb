#!/usr/bin/env node
import { CommanderError } from 'commander';
import { createMonitorCommand } from './cli/monitor-command.js';

try {
  await createMonitorCommand().name('vitamin-monitoring').exitOverride().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode;
  else {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
