import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit and integration tests: plain Node, real SQLite files, real HTTP to the simulator.
export default defineConfig({
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, 'src/shared'),
      '@renderer': resolve(import.meta.dirname, 'src/renderer/src'),
    },
  },
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/electron/**/*.test.ts',
      'test/crash/**/*.test.ts',
      'test/electron-app/**/*.test.ts',
      'test/server/**/*.test.ts',
      'test/sync/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
