import { describe, expect, it } from 'vitest';
import { formatSoakReport, runSoak, soakFailures } from './soak';

/**
 * The crash test: counters running the real payment engine (API v1 and v2) as child
 * processes are killed with SIGKILL at random moments of many sales, while the simulator
 * injects faults and the counters' wall clocks are stepped by hours. After every kill the
 * journal must be intact and nothing it held may be gone; at the end no sale has two gateway
 * transactions, every payment Pakasir took is paid in the journal, every sale ended as its
 * story says, and Pakasir's rate limit was never exceeded. This is the short version of
 * `npm run soak` (1,000 kills), kept under a minute.
 */
describe('crash recovery with SIGKILL, faults and clock steps (short soak)', () => {
  it('survives kills at random points over v1 and v2 sales with every money figure at zero', async () => {
    const kills = 30;
    const report = await runSoak({
      kills,
      v1Counters: 1,
      v2Counters: 1,
      seed: 20261125,
      maxKillDelayMs: { v1: 2500, v2: 9000 },
    });
    console.log(formatSoakReport(report));
    expect(soakFailures(report, kills)).toEqual([]);
    expect(report.killsByVersion.v1).toBeGreaterThan(0);
    expect(report.killsByVersion.v2).toBeGreaterThan(0);
    expect(report.salesByVersion.v1).toBeGreaterThan(0);
    expect(report.salesByVersion.v2).toBeGreaterThan(0);
  }, 120_000);
});
