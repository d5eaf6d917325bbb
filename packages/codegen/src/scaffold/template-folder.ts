import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Where a template is: in the installed package (`templates/`, copied in when it is packed), else in
 * the repository this package is built in. `from` is a module of this package, in src/ or dist/.
 * @throws Error listing the folders looked in
 */
export async function templateFolder(name: string, from: string | URL = import.meta.url): Promise<string> {
  const candidates = [new URL(`../../templates/${name}/`, from), new URL(`../../../../templates/${name}/`, from)].map(
    (url) => fileURLToPath(url),
  );
  for (const folder of candidates) {
    if ((await stat(folder).catch(() => undefined))?.isDirectory()) return folder;
  }
  throw new Error(`template '${name}' not found in ${candidates.join(' or ')}`);
}
