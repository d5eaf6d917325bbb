import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { createLogger, type App, type AppOptions } from '@vitamin/core';
import { createCli } from '../src/index.js';
import { helpOf, NPM_ENV } from './support/cli-help.js';
import { workFolder } from './support/work-folder.js';

// Scaffolds into the package's test folder, so the new service's `@vitamin/core` and `zod` resolve
// to this repository's and its app can be started here without an install.

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const TEMPLATE = fileURLToPath(new URL('../../../templates/service', import.meta.url));
const PLACEHOLDER = /__[A-Z][A-Z_]*[A-Z]__/;

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are read field by field */
type Manifest = Record<string, any>;

async function run(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    await createCli().parseAsync(args, { from: 'user' });
    return lines;
  } finally {
    log.mockRestore();
  }
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

describe('vitamin new', () => {
  let work: Awaited<ReturnType<typeof workFolder>>;
  let project: string;
  let printed: string[];
  const read = (path: string): Promise<string> => readFile(join(project, path), 'utf8');
  const yaml = async (path: string): Promise<Manifest> => parse(await read(path)) as Manifest;

  beforeAll(async () => {
    work = await workFolder('scaffold');
    project = join(work.path, 'orders');
    printed = await run(['new', '@acme/order-service', '--dir', project, '--port', '9090']);
  });
  afterAll(() => work?.remove());

  it('writes every file of the template, dotfiles renamed, and says what to do next', async () => {
    const want = (await filesUnder(TEMPLATE)).map((file) => file.replace(/(^|\/)_/, '$1.')).sort();
    expect(await filesUnder(project)).toEqual(want);
    expect(want).toEqual(expect.arrayContaining(['.gitignore', '.dockerignore', 'Dockerfile', 'k8s/deployment.yaml']));
    expect(printed[0]).toBe(`created order-service in ${relative(process.cwd(), project)} (${want.length} files)`);
    expect(printed[1]).toMatch(/npm install && npm test && npm run dev$/);
  });

  it('fills in every placeholder', async () => {
    for (const file of await filesUnder(project)) expect(await read(file), file).not.toMatch(PLACEHOLDER);
    const manifest = JSON.parse(await read('package.json')) as Manifest;
    const codegen = JSON.parse(await readFile(join(PACKAGE, 'package.json'), 'utf8')) as Manifest;
    expect(manifest['name']).toBe('@acme/order-service');
    expect(manifest['dependencies']['@vitamin/core']).toBe(`^${codegen['version']}`);
    expect(Object.keys(manifest['scripts']).sort()).toEqual(['build', 'dev', 'lint', 'start', 'test', 'typecheck']);
    expect(await read('src/app.ts')).toContain("export const SERVICE_NAME = 'order-service';");
  });

  it('writes YAML that parses, everywhere', async () => {
    const files = (await filesUnder(project)).filter((file) => /\.ya?ml$/.test(file));
    expect(files).toHaveLength(7);
    for (const file of files) {
      const documents = parseAllDocuments(await read(file));
      for (const document of Array.isArray(documents) ? documents : [documents]) {
        expect(document.errors, file).toEqual([]);
      }
    }
  });

  it('uses the port and the service name in the config, the image and every manifest', async () => {
    expect((await yaml('config/application.yaml'))['vitamin']['server']['port']).toBe(9090);
    expect(await read('Dockerfile')).toMatch(/^EXPOSE 9090$/m);
    const deployment = await yaml('k8s/deployment.yaml');
    const container = deployment['spec']['template']['spec']['containers'][0];
    expect(container['ports']).toEqual([{ name: 'http', containerPort: 9090 }]);
    expect((await yaml('k8s/service.yaml'))['spec']['ports'][0]['targetPort']).toBe('http');
    for (const file of ['deployment', 'service', 'hpa']) {
      expect((await yaml(`k8s/${file}.yaml`))['metadata']['name'], file).toBe('order-service');
    }
    const configMap = await yaml('k8s/configmap.yaml');
    expect(configMap['metadata']['name']).toBe('order-service-config');
    expect(Object.keys(configMap['data'])).toEqual(['order-service.yaml']);
    expect(container['volumeMounts'][0]).toMatchObject({
      mountPath: '/app/config/order-service.yaml',
      subPath: 'order-service.yaml',
    });
  });

  it('gives the pod more time to stop than the preStop delay and the drain deadline', async () => {
    const shutdown = {
      ...(await yaml('config/application.yaml'))['vitamin']['shutdown'],
      ...(await yaml('config/application-prod.yaml'))['vitamin']['shutdown'],
    } as { preStopDelayMs: number; timeoutMs: number };
    const grace = (await yaml('k8s/deployment.yaml'))['spec']['template']['spec']['terminationGracePeriodSeconds'];
    expect(shutdown.preStopDelayMs).toBeGreaterThan(0);
    expect(grace * 1000).toBeGreaterThan(shutdown.preStopDelayMs + shutdown.timeoutMs);
  });

  it('probes paths the new app answers', async () => {
    const { createService } = (await import(pathToFileURL(join(project, 'src', 'app.ts')).href)) as {
      createService(options: Pick<AppOptions, 'logger' | 'config' | 'configDir'>): App;
    };
    // Its config/ says port 9090; an empty config folder lets it take a free port.
    const app = createService({ logger: createLogger({ level: 'silent' }), configDir: join(work.path, 'no-config') });
    try {
      const { url } = await app.listen();
      const container = (await yaml('k8s/deployment.yaml'))['spec']['template']['spec']['containers'][0];
      for (const probe of ['readinessProbe', 'livenessProbe']) {
        const { path, port } = container[probe]['httpGet'];
        expect(port).toBe('http');
        expect((await fetch(`${url}${path}`)).status, `${probe} ${path}`).toBe(200);
      }
    } finally {
      await app.close();
    }
  });

  it('refuses a folder that is not empty, and changes nothing in it', async () => {
    const folder = join(work.path, 'taken');
    await mkdir(folder);
    await writeFile(join(folder, 'notes.txt'), 'mine\n');
    await expect(run(['new', 'order-service', '--dir', folder])).rejects.toThrow(
      `${folder} is not empty (it holds notes.txt); choose another --dir or an empty folder`,
    );
    expect(await filesUnder(folder)).toEqual(['notes.txt']);
    expect(await readFile(join(folder, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('refuses a file as the folder', async () => {
    const file = join(work.path, 'a-file');
    await writeFile(file, '');
    await expect(run(['new', 'order-service', '--dir', file])).rejects.toThrow(`${file} is a file, not a folder`);
  });

  it.each([
    [['new', 'Order-Service'], /'Order-Service' is not a valid npm package name: name can no longer contain capital/],
    [['new', 'order.service'], /the service name 'order\.service' must be 1 to 63 lowercase letters/],
    [['new', 'orders', '--port', '80'], /--port "80" must be an integer from 1024 to 65535/],
  ])('refuses %j, writing nothing', async (args, message) => {
    const folder = join(work.path, `refused-${args.length}-${args[1]!.length}`);
    await expect(run([...args, '--dir', folder])).rejects.toThrow(message);
    expect(await exists(folder)).toBe(false);
  });

  it('lists its options in the help', async () => {
    const help = await helpOf('new');
    expect(help).toContain('--dir <folder>');
    expect(help).toContain('--port <port>');
  });

  it('ships the template in the package', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts=false'], {
      cwd: PACKAGE,
      env: NPM_ENV,
    });
    const packed = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path);
    const template = (await filesUnder(TEMPLATE)).map((file) => `templates/service/${file}`);
    expect(packed).toEqual(expect.arrayContaining(template));
    // The copy made for packing is gone afterwards: the repository's template stays the only one.
    expect(await exists(join(PACKAGE, 'templates'))).toBe(false);
  });
});
