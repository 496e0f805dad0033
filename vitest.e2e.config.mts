import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end: the real renderer in Chromium, driven through the browser harness.
// The machine's zone is never the shop's here: tests that touch days pin the shop's zone
// (Asia/Jakarta) themselves, and anything that leans on the machine's zone by mistake
// shows up as a failure instead of passing where the machine happens to sit in Jakarta.
process.env.TZ = 'America/Los_Angeles';
export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'America/Los_Angeles' },
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
