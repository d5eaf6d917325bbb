import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type App } from '@vitamin/core';
import { createCli, StaleOutputError } from '@vitamin/codegen';
import { deliveryService } from '@vitamin-examples/delivery-service';

const GENERATED = fileURLToPath(new URL('../src/generated/delivery-client', import.meta.url));

describe("the checked-in delivery client is what delivery-service's own /openapi.json generates", () => {
  let delivery: App;
  let url: string;

  beforeAll(async () => {
    delivery = deliveryService({
      logger: createLogger({ level: 'silent' }),
      config: { 'vitamin.discovery.registry': 'static' },
    });
    ({ url } = await delivery.listen());
  });
  afterAll(() => delivery?.close());

  const check = (name: string) =>
    createCli().parseAsync(
      ['generate', '--from-registry', 'delivery-service', '--url', url, '--out', GENERATED, '--name', name, '--check'],
      { from: 'user' },
    );

  it('vitamin generate --check passes', async () => {
    await expect(check('DeliveryClient')).resolves.toBeDefined();
  });

  it('vitamin generate --check fails when the client would come out different', async () => {
    await expect(check('OtherDeliveryClient')).rejects.toBeInstanceOf(StaleOutputError);
  });
});
