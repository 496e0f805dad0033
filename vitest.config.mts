import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit and integration tests: plain Node, real SQLite files, real HTTP to the simulator.
// The machine's zone is never the shop's here: tests that touch days pin the shop's zone
// (Asia/Jakarta) themselves, and anything that leans on the machine's zone by mistake
// shows up as a failure instead of passing where the machine happens to sit in Jakarta.
process.env.TZ = 'America/Los_Angeles';
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
      // Component tests (React in happy-dom): test/unit/renderer/components/.
      'test/unit/**/*.test.tsx',
      'test/integration/**/*.test.ts',
      'test/electron/**/*.test.ts',
      'test/crash/**/*.test.ts',
      'test/electron-app/**/*.test.ts',
      'test/server/**/*.test.ts',
      'test/sync/**/*.test.ts',
    ],
    environment: 'node',
    env: { TZ: 'America/Los_Angeles' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
