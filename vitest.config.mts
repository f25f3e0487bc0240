import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships both CommonJS and ESM builds; Node loads type-graphql's copy as CommonJS,
    // so the tests must import that same copy or `instanceof GraphQLScalarType` fails.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each test file gets its own database, so files may run side by side.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
