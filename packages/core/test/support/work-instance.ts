// One instance of the `work` service in its own process, registered in etcd: what the fault tests
// kill, slow down and call. Reports `{ id, url }` to its parent once registered UP. Messages from
// the parent: `{ delayMs }` adds latency to every answer from then on.
import { Controller, createApp, createLogger, EtcdRegistry, Get, Param } from '@vitamin/core';

let delayMs = 0;
const id = process.env['INSTANCE_ID']!;

@Controller('/work')
class WorkController {
  @Get('/:n')
  async work(@Param('n') n: string) {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { instance: id, n };
  }
}

const app = createApp({
  name: 'work',
  controllers: [WorkController],
  logger: createLogger({ level: 'silent' }),
  registry: new EtcdRegistry({ endpoints: [process.env['ETCD']!], ttlSeconds: Number(process.env['TTL'] ?? 10) }),
  config: { vitamin: { instance: { id } } },
});
const address = await app.listen();
process.on('message', (message) => {
  delayMs = (message as { delayMs: number }).delayMs;
});
process.on('disconnect', () => void app.close().finally(() => process.exit(0)));
process.send!({ id, url: address.url });
