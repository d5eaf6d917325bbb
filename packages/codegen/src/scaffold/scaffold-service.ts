import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { VitaminError } from '@vitamin/core';
import { projectNames } from './project-name.js';
import { renderTemplate } from './render-template.js';
import { PACKAGE_VERSION } from '../package-version.js';
import { templateFolder } from './template-folder.js';
import { servicePort, serviceTemplateValues } from './template-values.js';

/** Options of {@link scaffoldService}. */
export interface ScaffoldOptions {
  /** npm package name of the new service (`order-service`, `@acme/order-service`). */
  name: string;
  /** Folder to create it in; it must not exist or be empty. @defaultValue the service name, under the working directory */
  dir?: string;
  /** Port the service listens on. @defaultValue `8080` */
  port?: number | string;
  /** Template folder. @defaultValue `templates/service` of this package */
  template?: string;
}

/** What {@link scaffoldService} created. */
export interface ScaffoldResult {
  readonly folder: string;
  readonly serviceName: string;
  /** Paths of the files written, relative to `folder`. */
  readonly files: readonly string[];
}

/** The default of {@link ScaffoldOptions.port}. */
export const DEFAULT_SERVICE_PORT = 8080;

/**
 * Creates a new service from the service template. Every check (name, port, target folder) and the
 * whole rendering happen before the first file is written, so a refusal leaves nothing behind.
 * @throws VitaminError `VITAMIN_E_CONFIG` for an invalid name or port, or a target folder that is not empty
 */
export async function scaffoldService(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const names = projectNames(options.name);
  const port = servicePort(options.port ?? DEFAULT_SERVICE_PORT);
  const folder = resolve(options.dir ?? names.serviceName);
  await refuseNonEmpty(folder);
  const template = options.template ?? (await templateFolder('service'));
  const files = await renderTemplate(template, serviceTemplateValues(names, port, `^${PACKAGE_VERSION}`));
  for (const file of files) {
    const path = join(folder, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content, { flag: 'wx' });
  }
  return { folder, serviceName: names.serviceName, files: files.map((file) => file.path) };
}

async function refuseNonEmpty(folder: string): Promise<void> {
  const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') throw new VitaminError('VITAMIN_E_CONFIG', `${folder} is a file, not a folder`);
    throw error;
  });
  if (entries.length > 0) {
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      `${folder} is not empty (it holds ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); ` +
        'choose another --dir or an empty folder',
    );
  }
}
