import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC compiles the tests so that decorator metadata (emitDecoratorMetadata) is emitted as tsc does.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  // Workspace packages resolve to their TypeScript sources, so tests never run a stale dist/.
  resolve: { conditions: ['vitamin:source'] },
  // No 'import' condition here: vitest passes these to Node as --conditions, and with 'import' a
  // CommonJS require('long') gets the ESM build, so protobufjs (under etcd3) decodes int64 lease ids
  // as lossy numbers and every lease put fails with "requested lease not found".
  ssr: { resolve: { conditions: ['vitamin:source', 'node', 'default'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
