import { defineConfig } from 'vitest/config';

/**
 * The bench's own tests (harness and report logic), run with
 * `npx vitest run --config server/bench/vitest.config.ts`; the root config's
 * server project does not include server/bench.
 */
export default defineConfig({
  test: {
    name: 'bench',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
