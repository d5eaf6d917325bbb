import validatePackageName from 'validate-npm-package-name';
import { VitaminError } from '@vitamin/core';

/** The names a new project gets from the one the user typed. */
export interface ProjectNames {
  /** The npm package name, as typed: `order-service` or `@acme/order-service`. */
  readonly packageName: string;
  /** The name without its scope: the app's name, its registry name, Kubernetes object names. */
  readonly serviceName: string;
}

/**
 * A Kubernetes object name (an RFC 1123 DNS label) is the strictest place the service name goes, so
 * it is the rule: lowercase letters, digits and inner dashes, starting with a letter, at most 63.
 * It is also a valid vitamin config key segment and registry name, and cannot break out of a
 * string in any file it is written into.
 */
const SERVICE_NAME = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Checks a project name and derives the service name.
 * @throws VitaminError `VITAMIN_E_CONFIG` saying what is wrong with the name
 */
export function projectNames(name: string): ProjectNames {
  const verdict = validatePackageName(name);
  if (!verdict.validForNewPackages) {
    const problems = [...(verdict.errors ?? []), ...(verdict.warnings ?? [])];
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      `'${printable(name)}' is not a valid npm package name: ${problems.join('; ')}`,
    );
  }
  const serviceName = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  if (!SERVICE_NAME.test(serviceName)) {
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      `'${printable(name)}': the service name '${printable(serviceName)}' must be 1 to 63 lowercase letters, digits ` +
        'and dashes, start with a letter and not end with a dash (it names the Kubernetes objects and the registry entry)',
    );
  }
  return { packageName: name, serviceName };
}

/** The name as it can be shown on one line: control characters escaped. */
function printable(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
