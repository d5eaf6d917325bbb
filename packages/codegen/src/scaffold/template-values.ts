import { VitaminError } from '@vitamin/core';
import type { ProjectNames } from './project-name.js';

/** What a template's placeholders are replaced with. */
export type TemplateValues = Readonly<Record<string, string>>;

/** Ports below 1024 need root, and the container runs as a normal user. */
const LOWEST_PORT = 1024;

/**
 * Every value a placeholder may take matches this: no quote, backslash, whitespace, `$`, backtick or
 * newline, so a value can end no string and start no expression in a TypeScript, JSON, YAML,
 * Dockerfile or shell context. Checked again at substitution, whatever the caller validated before.
 */
export const SAFE_VALUE = /^[A-Za-z0-9@/._~^-]+$/;

/**
 * Checks the port the service listens on.
 * @throws VitaminError `VITAMIN_E_CONFIG` when it is not an integer from 1024 to 65535
 */
export function servicePort(port: string | number): number {
  const value = typeof port === 'number' ? port : /^\d+$/.test(port) ? Number(port) : Number.NaN;
  if (!Number.isInteger(value) || value < LOWEST_PORT || value > 65_535) {
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      `--port ${JSON.stringify(String(port))} must be an integer from ${LOWEST_PORT} to 65535 (the container runs as a non-root user)`,
    );
  }
  return value;
}

/** The values of the service template's placeholders. */
export function serviceTemplateValues(names: ProjectNames, port: number, vitaminVersion: string): TemplateValues {
  return {
    __PACKAGE_NAME__: names.packageName,
    __SERVICE_NAME__: names.serviceName,
    __PORT__: String(port),
    __VITAMIN_VERSION__: vitaminVersion,
  };
}
