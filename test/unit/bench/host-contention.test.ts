import { describe, expect, it } from 'vitest';
import {
  contentionBetween,
  cpuSnapshot,
  parsePidStat,
  parseProcStat,
  treeTicks,
  type CpuSnapshot,
} from '../../../bench/lib/host-contention';

const PROC_STAT = [
  'cpu  1000 20 300 5000 40 5 15 60 7 0',
  'cpu0 500 10 150 2500 20 2 7 30 3 0',
  'cpu1 500 10 150 2500 20 3 8 30 4 0',
  'intr 12345',
].join('\n');

describe('what ran beside the bench', () => {
  it('reads busy, steal and all ticks of the machine, guest time counted once', () => {
    expect(parseProcStat(PROC_STAT)).toEqual({ busy: 1340, steal: 60, total: 6440, cores: 2 });
    expect(parseProcStat('not a stat file')).toBeNull();
  });

  it("reads a process's parent and ticks even when its name holds spaces and parentheses", () => {
    // utime 250, stime 75, and 40 + 5 of children it has reaped.
    const line = '4242 (Web Content) (x)) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 75 40 5 20 0 12 0 1000';
    expect(parsePidStat(line)).toEqual({ pid: 4242, ppid: 17, ticks: 370 });
    expect(parsePidStat('garbage')).toBeNull();
  });

  it('sums a process and everything below it, and nothing beside it', () => {
    const procs = [
      { pid: 1, ppid: 0, ticks: 1000 },
      { pid: 10, ppid: 1, ticks: 5 },
      { pid: 11, ppid: 10, ticks: 7 },
      { pid: 12, ppid: 11, ticks: 11 },
      { pid: 20, ppid: 1, ticks: 500 },
    ];
    expect(treeTicks(procs, 10)).toBe(23);
    expect(treeTicks(procs, 20)).toBe(500);
    expect(treeTicks(procs, 99)).toBe(0);
  });

  it("keeps a helper's time in the tree when it exits and its parent reaps it", () => {
    const during = [
      { pid: 10, ppid: 1, ticks: 100 },
      { pid: 11, ppid: 10, ticks: 50 },
    ];
    // The helper ran 5 more ticks, exited, and its 55 now sit in its parent's reaped-children time.
    const after = [{ pid: 10, ppid: 1, ticks: 100 + 55 }];
    expect(treeTicks(after, 10) - treeTicks(during, 10)).toBe(5);
  });

  it("counts only what is outside the bench's tree, in cores, and the steal share", () => {
    const a: CpuSnapshot = { machineBusy: 1000, steal: 10, total: 10_000, ownTree: 600, cores: 2 };
    // 1000 ticks passed on 2 cores: 700 busy, of which the bench's tree used 500 → 200 elsewhere.
    const b: CpuSnapshot = { machineBusy: 1700, steal: 20, total: 11_000, ownTree: 1100, cores: 2 };
    const c = contentionBetween(a, b)!;
    expect(c.othersCores).toBeCloseTo(0.4, 6);
    expect(c.stealPct).toBeCloseTo(1, 6);
    expect(contentionBetween(null, b)).toBeNull();
    expect(contentionBetween(a, a)).toBeNull();
  });

  it('sees this process in its own tree where /proc exists, and says nothing where it does not', () => {
    const snap = cpuSnapshot();
    if (process.platform !== 'linux') {
      expect(snap).toBeNull();
      return;
    }
    expect(snap).not.toBeNull();
    expect(snap!.cores).toBeGreaterThanOrEqual(1);
    // A test worker has run code by now: its own ticks are in the tree.
    expect(snap!.ownTree).toBeGreaterThan(0);
    expect(snap!.machineBusy).toBeGreaterThanOrEqual(snap!.ownTree);
  });
});
