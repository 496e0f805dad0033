import { describe, expect, it } from 'vitest';
import type { JournalStatus } from '@shared/domain';
import {
  journalActions,
  journalBlocksCounter,
  journalUpdatePercent,
  journalNeedsOwner,
} from '@renderer/lib/journal-view';

const base: JournalStatus = {
  state: 'closed',
  problem: 'damaged',
  detail: 'database disk image is malformed',
  check: { state: 'damaged', at: '2026-11-25T03:00:00.000Z' },
  quarantineDir: '/data/quarantine/x',
  backupDir: '/data/backups',
  backups: [{ name: 'orders-2026-11-24.sqlite', kind: 'daily', createdAt: '2026-11-24T03:00:00.000Z', bytes: 4096 }],
  keepBackups: 7,
  lastBackupAt: '2026-11-24T03:00:00.000Z',
  openSales: 0,
};

describe('the journal screen offers what can help', () => {
  it('damage: restore or start new; no retry, since the file will not heal', () => {
    expect(journalActions(base)).toEqual({ restore: true, startNew: true, retry: false, blockedBySales: 0 });
    expect(journalActions({ ...base, backups: [] }).restore).toBe(false);
  });

  it('a read-only folder, a full disk or a newer app: only try again, never replace the journal', () => {
    for (const problem of ['read_only', 'disk_full', 'newer_version'] as const)
      expect(journalActions({ ...base, problem })).toEqual({
        restore: false,
        startNew: false,
        retry: true,
        blockedBySales: 0,
      });
  });

  it('a missing file can be put back: try again is offered with restore and start new', () => {
    expect(journalActions({ ...base, problem: 'missing' })).toMatchObject({
      restore: true,
      startNew: true,
      retry: true,
    });
  });

  it('damage found while open: replacing waits for the open sales', () => {
    const open: JournalStatus = { ...base, state: 'open', openSales: 1 };
    expect(journalActions(open)).toMatchObject({ restore: true, startNew: true, retry: false, blockedBySales: 1 });
    expect(journalBlocksCounter(open)).toBe(false);
    expect(journalNeedsOwner(open)).toBe(true);
    expect(journalBlocksCounter(base)).toBe(true);
    expect(journalNeedsOwner({ ...base, state: 'open', problem: null })).toBe(false);
  });

  it('while the journal is updated the counter waits, and the bar only moves forward', () => {
    const updating: JournalStatus = { ...base, state: 'updating', problem: null };
    expect(journalBlocksCounter(updating)).toBe(true);
    expect(journalNeedsOwner(updating)).toBe(false);
    const seq = [
      journalUpdatePercent(null),
      journalUpdatePercent({ step: 'backup', done: 0, total: 0 }),
      journalUpdatePercent({ step: 'backup', done: 500, total: 1000 }),
      journalUpdatePercent({ step: 'backup', done: 1200, total: 1000 }),
      journalUpdatePercent({ step: 'update', done: 0, total: 44 }),
      journalUpdatePercent({ step: 'update', done: 22, total: 44 }),
      journalUpdatePercent({ step: 'update', done: 44, total: 44 }),
    ];
    expect(seq).toEqual([0, 0, 25, 50, 50, 75, 100]);
  });
});
