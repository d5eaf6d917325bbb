import { Endpoint, instanceFromUrl, type InstanceMetadata } from '@vitamin/core';

/** `count` UP instances of `svc` on 127.0.0.1:9000+i, with per-instance metadata. */
export function instances(count: number, metadata: (i: number) => InstanceMetadata = () => ({})) {
  return Array.from({ length: count }, (_, i) =>
    instanceFromUrl('svc', `http://127.0.0.1:${9000 + i}`, 'test', { id: `i${i}`, metadata: metadata(i) }),
  );
}

/** Endpoints over {@link instances}. */
export function endpoints(count: number, metadata?: (i: number) => InstanceMetadata): Endpoint[] {
  return instances(count, metadata).map((instance) => new Endpoint(instance));
}

/** A seeded PRNG (mulberry32), so distribution tests are repeatable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
