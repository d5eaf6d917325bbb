// Runs every benchmark script in this folder, one after another. A benchmark script is one whose
// first line asks its question ("// Question: …"); helpers are skipped.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const scripts = readdirSync(dir)
  .filter((name) => name.endsWith('.js') && name !== 'run-all.js')
  .filter((name) => readFileSync(`${dir}/${name}`, 'utf8').startsWith('// Question:'))
  .sort();

let failed = 0;
for (const name of scripts) {
  console.log(`\n# ${name}`);
  const result = spawnSync(process.execPath, [`${dir}/${name}`], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
