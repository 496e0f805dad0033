import type { TestContext } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** Why this test could not run here; npm test shows it in its closing line. */
    skipReason?: string;
  }
}

/**
 * Skips a test that this machine cannot run, saying why. npm test counts a skip only when
 * it carries a reason; any other skip (a failed setup, a forgotten `.skip`) is a failure.
 */
export function skipBecause(ctx: TestContext, reason: string): void {
  ctx.task.meta.skipReason = reason;
  ctx.skip();
}
