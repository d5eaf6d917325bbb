import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createLogger, loadConfig, type App } from '@vitamin/core';
import { createService, SERVICE_NAME } from '../src/app.js';

// Keeps the Dockerfile, k8s/ and config/ in agreement with each other and with the app, so an edit
// to one (a port, a probe path, a shutdown deadline) cannot silently break a deployment.

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are checked field by field below */
type Manifest = Record<string, any>;

async function yamlFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'coverage', '.git'].includes(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await yamlFiles(path)));
    else if (/\.ya?ml$/.test(entry.name)) files.push(path);
  }
  return files;
}

async function parseYaml(path: string): Promise<unknown[]> {
  const documents = parseAllDocuments(await readFile(path, 'utf8'));
  const list = Array.isArray(documents) ? documents : [documents];
  for (const document of list) {
    if (document.errors.length > 0) throw new Error(`${relative(ROOT, path)}: ${document.errors[0]!.message}`);
  }
  return list.map((document) => document.toJS() as unknown);
}

const manifests = new Map<string, Manifest>();
let prod: { port: number; preStopDelayMs: number; timeoutMs: number };
let configMapFile: string;

beforeAll(async () => {
  for (const file of await yamlFiles(join(ROOT, 'k8s'))) {
    for (const manifest of (await parseYaml(file)) as Manifest[]) manifests.set(manifest['kind'], manifest);
  }
  // The properties the container runs with: the image's config/ in the prod profile, plus the
  // ConfigMap's file, read by the same loader the app uses (and none of this machine's variables).
  const configMap = manifests.get('ConfigMap')!;
  configMapFile = `${SERVICE_NAME}.yaml`;
  const folder = await mkdtemp(join(tmpdir(), `${SERVICE_NAME}-config-`));
  try {
    for (const name of ['application.yaml', 'application-prod.yaml']) {
      await writeFile(join(folder, name), await readFile(join(ROOT, 'config', name)));
    }
    await writeFile(join(folder, configMapFile), String(configMap['data'][configMapFile]));
    const config = await loadConfig({
      service: SERVICE_NAME,
      profile: 'prod',
      configDir: folder,
      env: {},
      watchFiles: false,
    });
    prod = {
      port: config.get<number>('vitamin.server.port')!,
      preStopDelayMs: config.get<number>('vitamin.shutdown.preStopDelayMs')!,
      timeoutMs: config.get<number>('vitamin.shutdown.timeoutMs')!,
    };
    await config.close();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

describe('deployment files', () => {
  it('every YAML file of the project parses', async () => {
    const files = await yamlFiles(ROOT);
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) await expect(parseYaml(file)).resolves.not.toHaveLength(0);
  });

  it('has a Deployment, Service, HorizontalPodAutoscaler and ConfigMap named after the service', () => {
    expect([...manifests.keys()].sort()).toEqual(['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Service']);
    expect(manifests.get('Deployment')!['metadata']['name']).toBe(SERVICE_NAME);
    expect(manifests.get('ConfigMap')!['metadata']['name']).toBe(`${SERVICE_NAME}-config`);
  });

  it('listens, exposes and routes to the same port', async () => {
    const container = manifests.get('Deployment')!['spec']['template']['spec']['containers'][0];
    const ports = container['ports'] as { name: string; containerPort: number }[];
    expect(ports).toEqual([{ name: 'http', containerPort: prod.port }]);
    expect(manifests.get('Service')!['spec']['ports'][0]['targetPort']).toBe('http');
    const dockerfile = await readFile(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${prod.port}$`, 'm'));
  });

  it('selects its own pods and scales its own Deployment', () => {
    const deployment = manifests.get('Deployment')!;
    const podLabels = deployment['spec']['template']['metadata']['labels'];
    expect(podLabels).toMatchObject(deployment['spec']['selector']['matchLabels']);
    expect(podLabels).toMatchObject(manifests.get('Service')!['spec']['selector']);
    expect(manifests.get('HorizontalPodAutoscaler')!['spec']['scaleTargetRef']).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: SERVICE_NAME,
    });
  });

  it('mounts the ConfigMap as config/<service>.yaml and runs the prod profile, as the image does', async () => {
    const pod = manifests.get('Deployment')!['spec']['template']['spec'];
    const volume = pod['volumes'].find((v: Manifest) => v['configMap'] !== undefined);
    expect(volume['configMap']['name']).toBe(manifests.get('ConfigMap')!['metadata']['name']);
    const mount = pod['containers'][0]['volumeMounts'].find((m: Manifest) => m['name'] === volume['name']);
    expect(mount).toMatchObject({ mountPath: `/app/config/${configMapFile}`, subPath: configMapFile });
    expect(pod['containers'][0]['env']).toContainEqual({ name: 'VITAMIN_PROFILE', value: 'prod' });
    const dockerfile = await readFile(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^WORKDIR \/app$/m);
    expect(dockerfile).toMatch(/VITAMIN_PROFILE=prod/);
  });

  it('gives the pod longer to stop than the preStop delay and the drain deadline together', () => {
    const grace = manifests.get('Deployment')!['spec']['template']['spec']['terminationGracePeriodSeconds'] as number;
    expect(prod.preStopDelayMs).toBeGreaterThan(0);
    expect(grace * 1000).toBeGreaterThan(prod.preStopDelayMs + prod.timeoutMs);
  });

  it('runs node as PID 1 as a user other than root', async () => {
    const dockerfile = await readFile(join(ROOT, 'Dockerfile'), 'utf8');
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(finalStage).toMatch(/^USER (?!root\b|0\b)\S+$/m);
    expect(finalStage).toMatch(/^CMD \["node", "dist\/main\.js"\]$/m);
    expect(manifests.get('Deployment')!['spec']['template']['spec']['securityContext']['runAsNonRoot']).toBe(true);
  });

  describe('probes', () => {
    let app: App;
    let url: string;
    beforeAll(async () => {
      app = createService({ logger: createLogger({ level: 'silent' }) });
      url = (await app.listen()).url;
    });
    afterAll(() => app?.close());

    it('point at health groups the app answers on its http port', async () => {
      const container = manifests.get('Deployment')!['spec']['template']['spec']['containers'][0];
      for (const probe of ['readinessProbe', 'livenessProbe']) {
        const { path, port } = container[probe]['httpGet'] as { path: string; port: string };
        expect(port).toBe('http');
        expect(path).toMatch(/^\/actuator\/health\/(readiness|liveness)$/);
        expect((await fetch(`${url}${path}`)).status, `${probe} ${path}`).toBe(200);
      }
    });
  });
});
