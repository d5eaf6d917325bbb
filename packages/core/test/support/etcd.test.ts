import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEtcd, type EtcdServer } from './etcd.js';

describe('etcd test server', () => {
  let etcd: EtcdServer;
  beforeAll(async () => {
    etcd = await startEtcd();
  });
  afterAll(() => etcd.dispose());

  it('answers on its endpoint, keeps data across a stop and start, and is gone after stop', async () => {
    const put = await fetch(`${etcd.endpoint}/v3/kv/put`, {
      method: 'POST',
      body: JSON.stringify({ key: btoa('k'), value: btoa('v') }),
    });
    expect(put.ok).toBe(true);
    await etcd.stop();
    await expect(fetch(`${etcd.endpoint}/health`)).rejects.toThrow();
    await etcd.start();
    const range = await fetch(`${etcd.endpoint}/v3/kv/range`, {
      method: 'POST',
      body: JSON.stringify({ key: btoa('k') }),
    });
    const { kvs } = (await range.json()) as { kvs: { value: string }[] };
    expect(atob(kvs[0]!.value)).toBe('v');
  });
});
