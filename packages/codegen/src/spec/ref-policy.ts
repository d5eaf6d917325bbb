import { realpath } from 'node:fs/promises';
import { dirname, relative, sep, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether an external `$ref` target may be read: only files under the root spec's own folder (after
 * resolving symbolic links) or URLs under the root spec's own URL folder, on the same origin. This
 * stops a spec from reading `/etc/passwd`, a home folder or a cloud metadata endpoint through `$ref`.
 */
export async function isInsideSpecFolder(root: URL, target: URL): Promise<boolean> {
  if (root.protocol === 'file:') {
    if (target.protocol !== 'file:') return false;
    const folder = await realpath(dirname(fileURLToPath(root)));
    let file: string;
    try {
      file = await realpath(fileURLToPath(target));
    } catch {
      file = fileURLToPath(target);
    }
    const rel = relative(folder, file);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
  }
  if (target.origin !== root.origin || target.protocol !== root.protocol) return false;
  const folder = new URL('.', root).pathname;
  return target.pathname.startsWith(folder) && !/%2e|%2f|%5c/i.test(target.pathname);
}
