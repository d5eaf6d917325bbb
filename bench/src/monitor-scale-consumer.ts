// The process monitor-scale measures: either the full monitor (`monitor`) or the raw floor (`raw`):
// the same streams read and each event parsed, with nothing merged or served.
import { request } from 'undici';
import { createLogger, StaticRegistry } from '@vitamin/core/fleet';
import { startMonitor } from '@vitamin/monitoring';
import { answerCpuQueries } from './cpu-queries.js';

const mode = process.argv[2];
const { ports, clusters } = JSON.parse(process.argv[3]!) as { ports: number[]; clusters: number };

async function raw(): Promise<void> {
  for (const port of ports) {
    void (async () => {
      const response = await request(`http://127.0.0.1:${port}/actuator/hystrix.stream`);
      let rest = '';
      for await (const chunk of response.body) {
        const lines = (rest + (chunk as Buffer).toString('utf8')).split('\n');
        rest = lines.pop()!;
        for (const line of lines) if (line.startsWith('data: ')) JSON.parse(line.slice(6));
      }
    })();
  }
  process.send!({ ready: true });
}

async function monitor(): Promise<void> {
  const byCluster: Record<string, string[]> = {};
  ports.forEach((port, i) => (byCluster[`cluster-${i % clusters}`] ??= []).push(`http://127.0.0.1:${port}`));
  const started = await startMonitor({
    registry: new StaticRegistry(byCluster),
    clusters: Object.keys(byCluster),
    logger: createLogger({ level: 'warn' }),
  });
  process.send!({ ready: true, url: started.url });
}

answerCpuQueries();
await (mode === 'raw' ? raw() : monitor());
