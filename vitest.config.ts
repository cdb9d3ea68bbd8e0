import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Creating an embedded PGlite database and migrating it takes a few seconds per test file.
    hookTimeout: 120_000,
  },
});
