import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { JournalBackupView } from '@shared/domain';

export const BACKUP_FOLDER = 'backups';

/**
 * Daily backups kept: one per business day, made only from a journal that has just passed
 * the full integrity check. Seven covers a shop closed for a long weekend or a week of
 * holidays (Lebaran) before anyone notices a problem, and the older copies guard against a
 * bad day (a restore of the wrong day, damage the check could not see) at a disk cost of
 * seven journals: about 350 MB for a shop doing 200 sales a day for a year.
 */
export const KEEP_DAILY_BACKUPS = 7;

const DAILY = /^orders-(\d{4}-\d{2}-\d{2})\.sqlite$/;

export function backupFolder(dataDir: string): string {
  return join(dataDir, BACKUP_FOLDER);
}

export function dailyBackupName(day: string): string {
  return `orders-${day}.sqlite`;
}

function view(path: string, kind: JournalBackupView['kind']): JournalBackupView | null {
  try {
    const st = statSync(path);
    return { name: basename(path), kind, createdAt: st.mtime.toISOString(), bytes: st.size };
  } catch {
    return null;
  }
}

/**
 * Every restorable copy, newest first: the daily backups and the copies taken before a
 * migration (`<journal>.bak-v…`, next to the journal).
 */
export function listBackups(dataDir: string, journalFile: string): JournalBackupView[] {
  const out: JournalBackupView[] = [];
  try {
    for (const name of readdirSync(backupFolder(dataDir)))
      if (DAILY.test(name)) {
        const v = view(join(backupFolder(dataDir), name), 'daily');
        if (v) out.push(v);
      }
  } catch {
    // no backup folder yet
  }
  const prefix = `${basename(journalFile)}.bak-`;
  try {
    for (const name of readdirSync(dirname(journalFile)))
      if (name.startsWith(prefix)) {
        const v = view(join(dirname(journalFile), name), 'before_update');
        if (v) out.push(v);
      }
  } catch {
    // unreadable folder: nothing to offer
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** The path of a listed backup by its name, or null: a name from a window is never a path. */
export function backupPath(dataDir: string, journalFile: string, name: string): string | null {
  const found = listBackups(dataDir, journalFile).find((b) => b.name === name);
  if (!found) return null;
  return found.kind === 'daily' ? join(backupFolder(dataDir), name) : join(dirname(journalFile), name);
}

/** Deletes the oldest daily backups beyond `keep` (names sort by day). */
export function pruneDailyBackups(dataDir: string, keep: number): string[] {
  let names: string[];
  try {
    names = readdirSync(backupFolder(dataDir))
      .filter((n) => DAILY.test(n))
      .sort();
  } catch {
    return [];
  }
  const drop = names.slice(0, Math.max(0, names.length - keep));
  for (const n of drop) rmSync(join(backupFolder(dataDir), n), { force: true });
  return drop;
}
