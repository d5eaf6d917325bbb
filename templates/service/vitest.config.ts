import { defineConfig } from 'vitest/config';

// Vite 8 compiles TypeScript with oxc, which follows tsconfig.json's experimentalDecorators and
// emitDecoratorMetadata: tests run the decorators as tsc builds them.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every app a test starts listens on a free port (this wins over config/application.yaml).
    env: { VITAMIN_PROPS__vitamin__server__port: '0' },
  },
});
