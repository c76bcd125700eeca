import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'model',
          root: './packages/model',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration tests start real server processes; two cores run one file at a time well.
          fileParallelism: false,
        },
      },
      // The benchmark harness's own tests (framing against the three real servers, report logic).
      './server/bench/vitest.config.ts',
      {
        test: {
          name: 'client',
          root: './client',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
