import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VitaminError, type App } from '@vitamin/core';

/** The app an entry module gives, and whether we created it (then we close it). */
export interface LoadedApp {
  readonly app: App;
  readonly created: boolean;
}

/**
 * Imports an entry module and finds its app. The convention: the module exports, as `app` or as its
 * default export (or under `exportName`), either an app made by `createApp()` or a function (sync or
 * async, no arguments) returning one. The module must not start listening when imported; the app is
 * never started here.
 */
export async function loadEntryApp(entry: string, exportName?: string): Promise<LoadedApp> {
  const module = (await import(pathToFileURL(resolve(entry)).href)) as Record<string, unknown>;
  const names = exportName === undefined ? ['app', 'default'] : [exportName];
  const value = names.map((name) => module[name]).find((v) => v !== undefined);
  if (isApp(value)) return { app: value, created: false };
  if (typeof value === 'function') {
    const created: unknown = await (value as () => unknown)();
    if (isApp(created)) return { app: created, created: true };
  }
  throw new VitaminError(
    'VITAMIN_E_CONFIG',
    `${entry} exports no app: export an app from createApp(), or a function returning one, as ${names.join(' or ')}`,
  );
}

function isApp(value: unknown): value is App {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as App).routes) &&
    typeof (value as App).name === 'string' &&
    typeof (value as App).close === 'function'
  );
}
