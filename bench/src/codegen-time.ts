// Question: how much time does `vitamin generate` add to openapi-typescript alone, on the largest
// spec of the corpus (GitHub's REST API, 13 MB of JSON)? Target: generation adds less than 50 %.
// Both sides also type-check what they produced. Run: npm run build && node bench/dist/codegen-time.js
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { GENERATED_CODE_COMPILER_OPTIONS, generateClient, typeCheckGenerated, writeGenerated } from '@vitamin/codegen';
import { median } from './load.js';

const PACKAGE = '@octokit/openapi@23.0.2';
const FILE = 'package/generated/api.github.com.json';
const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
const run = promisify(execFile);

const download = await mkdtemp(join(tmpdir(), 'vitamin-bench-'));
await run('npm', ['pack', PACKAGE, '--pack-destination', download, '--silent'], { timeout: 300_000 });
const tarball = (await run('ls', [download])).stdout.trim().split('\n')[0]!;
await run('tar', ['xzf', join(download, tarball), '-C', download, FILE]);
const spec = join(download, FILE);
// Output goes inside the repository, where @vitamin/core resolves for the type check.
const out = fileURLToPath(new URL('../generated/codegen-time/', import.meta.url));
await mkdir(out, { recursive: true });

async function baseline(): Promise<{ generate: number; check: number }> {
  const start = performance.now();
  const document = JSON.parse(await readFile(spec, 'utf8')) as object;
  const types = astToString(await openapiTS(document as never, { silent: true }));
  await writeFile(join(out, 'baseline.ts'), types);
  const generated = performance.now();
  const program = ts.createProgram([join(out, 'baseline.ts')], { ...GENERATED_CODE_COMPILER_OPTIONS });
  const errors = ts.getPreEmitDiagnostics(program).length;
  if (errors > 0) throw new Error(`openapi-typescript output has ${errors} type errors`);
  return { generate: generated - start, check: performance.now() - generated };
}

async function ours(): Promise<{ generate: number; check: number; operations: number }> {
  const start = performance.now();
  const files = await generateClient({ spec, service: 'github', name: 'GitHubClient' });
  await writeGenerated(out, files);
  const generated = performance.now();
  const errors = typeCheckGenerated(out);
  if (errors.length > 0) throw new Error(`generated client has type errors: ${errors.slice(0, 3).join('\n')}`);
  const operations = files['client.ts'].match(/^ {4}@(Get|Post|Put|Patch|Delete|Route)\(/gm)?.length ?? 0;
  return { generate: generated - start, check: performance.now() - generated, operations };
}

const base: { generate: number; check: number }[] = [];
const vitamin: { generate: number; check: number; operations: number }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  base.push(await baseline());
  vitamin.push(await ours());
}
await rm(out, { recursive: true, force: true });
await rm(download, { recursive: true, force: true });

const ms = (values: number[]) => median(values);
const baseGen = ms(base.map((r) => r.generate));
const ourGen = ms(vitamin.map((r) => r.generate));
const baseAll = ms(base.map((r) => r.generate + r.check));
const ourAll = ms(vitamin.map((r) => r.generate + r.check));
console.log(`${PACKAGE} ${FILE}: ${vitamin[0]!.operations} operations, median of ${ROUNDS} rounds`);
console.log(
  `  openapi-typescript alone   generate ${baseGen.toFixed(0)} ms   + type-check ${(baseAll - baseGen).toFixed(0)} ms`,
);
console.log(
  `  vitamin generate           generate ${ourGen.toFixed(0)} ms   + type-check ${(ourAll - ourGen).toFixed(0)} ms`,
);
console.log(`  generation added           ${(((ourGen - baseGen) / baseGen) * 100).toFixed(1)} % (target < 50 %)`);
console.log(`  generation + type-check    ${(((ourAll - baseAll) / baseAll) * 100).toFixed(1)} % added`);
