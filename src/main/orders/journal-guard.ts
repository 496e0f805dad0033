import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalProblem, JournalStatus, JournalUpdateProgress } from '@shared/domain';
import { PosError } from '@shared/errors';
import { makePrivate, privateFolder } from '../datafolder/private-files';
import {
  backupFolder,
  backupPath,
  dailyBackupName,
  KEEP_DAILY_BACKUPS,
  listBackups,
  pruneDailyBackups,
} from './backups';
import { startJournalCheck, type JournalCheckResult, type RunningCheck } from './journal-check-worker';
import { existingJournalFiles, journalFiles } from './journal-files';
import { removeJournal, replaceJournal } from './journal-replace';
import { forgetMarker, inoOf, readMarker, writeMarker, type CheckMarker } from './journal-marker';
import { precheckJournal, type Precheck } from './journal-precheck';
import { quarantineJournal } from './quarantine';

export interface GuardLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface JournalGuardOptions {
  dataDir: string;
  file: string;
  clock: () => Date;
  /** The business day of an instant: daily backups are named by it. */
  dayOf: (at: Date) => string;
  /** Whether this folder has had sales: an empty or missing journal is then a loss, not a first start. */
  expectHistory: () => boolean;
  /** Sales still open in the journal (0 when closed). */
  openSales: () => number;
  onChange?: (status: JournalStatus) => void;
  /**
   * Whether the open journal may be merged with its -wal: yes once the full check passed
   * (or could not run: the -wal cannot be held back forever), no again when a check finds
   * damage. While not, the store holds checkpoints back and closes without one.
   */
  onCheckpoints?: (allowed: boolean) => void;
  log?: GuardLog;
  keepBackups?: number;
  /** Delay after opening before the first background check (default 5 s: start-up comes first). */
  firstCheckAfterMs?: number;
  /** Between two background checks, each followed by the day's backup (default 24 h). */
  checkEveryMs?: number;
  nativeBinding?: string;
}

/**
 * Keeps the sales journal safe around opening it: the cheap checks before anything opens it
 * for writing, an untouched copy of a suspect file in the quarantine folder, the full
 * integrity check and the daily backup in the background, and the owner's two ways out
 * (restore a backup, or start a new journal with the old one kept). It decides; the app
 * (create-services) opens and closes the store as it says.
 */
export class JournalGuard {
  private state: JournalStatus['state'] = 'closed';
  private problem: JournalProblem | null = null;
  private detail: string | null = null;
  private check: JournalStatus['check'] = { state: 'pending', at: null };
  private update: JournalUpdateProgress | null = null;
  private quarantineDir: string | null = null;
  private lastBackupAt: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: RunningCheck | null = null;
  private verifiedOpen = false;
  /** The owner chose a new journal: the next open may create one although the folder had sales. */
  private freshChosen = false;
  private readonly keep: number;

  constructor(private readonly opts: JournalGuardOptions) {
    this.keep = opts.keepBackups ?? KEEP_DAILY_BACKUPS;
    const newest = listBackups(opts.dataDir, opts.file).find((b) => b.kind === 'daily');
    this.lastBackupAt = newest?.createdAt ?? null;
  }

  status(): JournalStatus {
    return {
      state: this.state,
      problem: this.problem,
      detail: this.detail,
      update: this.state === 'updating' ? this.update : null,
      check: { ...this.check },
      quarantineDir: this.quarantineDir,
      backupDir: backupFolder(this.opts.dataDir),
      backups: listBackups(this.opts.dataDir, this.opts.file),
      keepBackups: this.keep,
      lastBackupAt: this.lastBackupAt,
      openSales: this.state === 'open' ? this.opts.openSales() : 0,
    };
  }

  /** True when new sales must not be written: the background check found damage. */
  get paused(): boolean {
    return this.state === 'open' && this.problem === 'damaged';
  }

  /** Whether the open journal may be merged with its -wal (checked, and not found damaged). */
  get verified(): boolean {
    return this.verifiedOpen && !this.paused;
  }

  /**
   * Before opening for writing. A suspect journal is copied aside here, before anything
   * else can touch it; a journal the last background check found damaged stays closed.
   */
  precheck(): Precheck {
    const marker = readMarker(this.opts.dataDir);
    if (marker?.verdict === 'damaged' && marker.ino === inoOf(this.opts.file)) {
      this.close('damaged', marker.detail ?? 'the last full check found damage');
      this.quarantineDir = marker.quarantineDir;
      this.check = { state: 'damaged', at: marker.at };
      this.changed();
      return { ok: false, problem: 'damaged', detail: this.detail ?? '', keepCopy: false };
    }
    const expectHistory = !this.freshChosen && this.opts.expectHistory();
    this.freshChosen = false;
    const result = precheckJournal(this.opts.file, expectHistory, this.opts.nativeBinding);
    if (!result.ok) {
      this.close(result.problem, result.detail);
      if (result.keepCopy && existingJournalFiles(this.opts.file).length > 0) {
        try {
          this.keepCopy(result.problem, result.detail);
        } catch (err) {
          // Still closed; restore and start-new try the copy again and refuse without it.
          this.detail = `${result.detail}; ${(err as Error).message}`;
        }
      }
      this.opts.log?.error('the sales journal was not opened', { problem: result.problem, detail: result.detail });
      this.changed();
    }
    return result;
  }

  /**
   * The store opened: sales may be written; the full check follows in the background. A
   * journal created just now holds nothing to keep as found, so it may checkpoint at once.
   */
  opened(fresh = false): void {
    this.state = 'open';
    this.problem = null;
    this.detail = null;
    this.verifiedOpen = false;
    if (fresh) this.verify();
    makePrivate(...journalFiles(this.opts.file));
    this.schedule(this.opts.firstCheckAfterMs ?? 5_000);
    this.changed();
  }

  /** A journal from an earlier version is being updated before it opens: how far it got. */
  updating(progress: JournalUpdateProgress): void {
    this.state = 'updating';
    this.problem = null;
    this.detail = null;
    this.update = progress;
    this.changed();
  }

  /** Opening failed after the checks (a migration refused, the disk failed). */
  failedToOpen(problem: JournalProblem, detail: string): void {
    this.close(problem, detail);
    this.changed();
  }

  /** The check now (also what the timer runs). Resolves with its result; never throws. */
  async runCheck(): Promise<JournalCheckResult | null> {
    if (this.state !== 'open' || this.running) return null;
    this.clearTimer();
    const day = this.opts.dayOf(this.opts.clock());
    const target = join(backupFolder(this.opts.dataDir), dailyBackupName(day));
    let backupTo: string | null = null;
    try {
      statSync(target);
    } catch {
      try {
        privateFolder(backupFolder(this.opts.dataDir));
        backupTo = target;
      } catch (err) {
        this.opts.log?.warn('no backup folder: the check runs without a backup', { error: err });
      }
    }
    this.check = { state: 'running', at: this.check.at };
    this.changed();
    this.running = startJournalCheck({ file: this.opts.file, backupTo, nativeBinding: this.opts.nativeBinding });
    const result = await this.running.result;
    this.running = null;
    const at = this.opts.clock().toISOString();
    if (this.state !== 'open') return result;
    if (result.verdict === 'ok') {
      this.check = { state: 'ok', at };
      this.verify();
      this.recordVerdict({ verdict: 'ok', at, detail: null, quarantineDir: null });
      if (result.backup) {
        // Dated by the app's clock, like everything else the owner reads.
        const when = new Date(at);
        try {
          utimesSync(result.backup.file, when, when);
        } catch {
          // the file's own time then stands
        }
        this.lastBackupAt = at;
        const dropped = pruneDailyBackups(this.opts.dataDir, this.keep);
        this.opts.log?.info('daily backup of the sales journal written', {
          file: result.backup.file,
          bytes: result.backup.bytes,
          checkMs: result.ms,
          dropped,
        });
      } else if (result.backupError) {
        this.opts.log?.warn('the daily backup could not be written', { error: result.backupError });
      }
    } else if (result.verdict === 'damaged') {
      this.damagedWhileOpen(result.problems.join('; '), at);
    } else {
      this.check = { state: 'failed', at };
      this.opts.log?.warn('the background journal check could not run', { problems: result.problems });
      this.verify();
    }
    this.schedule(this.opts.checkEveryMs ?? 24 * 3_600_000);
    this.changed();
    return result;
  }

  /**
   * Replaces the journal with a listed backup. The caller has closed the store. The backup
   * is checked in full first; the current files are copied to quarantine before they go.
   */
  async restore(name: string): Promise<void> {
    this.requireClosed();
    const source = backupPath(this.opts.dataDir, this.opts.file, name);
    if (!source) throw new PosError('not_found', `There is no backup named ${name}.`);
    const check = await startJournalCheck({ file: source, nativeBinding: this.opts.nativeBinding }).result;
    if (check.verdict !== 'ok')
      throw new PosError(
        'database',
        `The backup ${name} is damaged too (${check.problems.join('; ')}); choose an older one or start a new journal.`,
      );
    this.keepCopy('replaced', `replaced by the backup ${name}`);
    replaceJournal(this.opts.file, source);
    forgetMarker(this.opts.dataDir);
    this.opts.log?.warn('the sales journal was restored from a backup', { backup: name, kept: this.quarantineDir });
  }

  /** Moves the current journal out of the way (copied to quarantine first) so a new one is created. */
  startNew(): void {
    this.requireClosed();
    this.keepCopy('replaced', 'replaced by a new, empty journal');
    removeJournal(this.opts.file);
    forgetMarker(this.opts.dataDir);
    this.freshChosen = true;
    this.opts.log?.warn('a new sales journal was started; the old one is kept', { kept: this.quarantineDir });
  }

  /** The store is about to close (restore, start new, quit). */
  closing(problem: JournalProblem | null, detail: string | null): void {
    this.clearTimer();
    this.close(problem, detail);
  }

  async stop(): Promise<void> {
    this.clearTimer();
    const running = this.running;
    this.running = null;
    if (running) await running.stop();
  }

  private verify(): void {
    if (this.verifiedOpen) return;
    this.verifiedOpen = true;
    this.checkpoints(true);
  }

  private checkpoints(allowed: boolean): void {
    try {
      this.opts.onCheckpoints?.(allowed);
    } catch (err) {
      this.opts.log?.warn('could not change journal checkpointing', { error: err, allowed });
    }
  }

  private requireClosed(): void {
    if (this.state === 'open') throw new PosError('illegal_state', 'Close the sales journal before replacing it.');
  }

  private damagedWhileOpen(detail: string, at: string): void {
    // Copied now, in this synchronous step: every write to the journal happens on this
    // thread, so nothing can change the files while they are copied.
    this.verifiedOpen = false;
    this.checkpoints(false);
    this.keepCopy('damaged', detail);
    this.problem = 'damaged';
    this.detail = detail;
    this.check = { state: 'damaged', at };
    this.recordVerdict({ verdict: 'damaged', at, detail, quarantineDir: this.quarantineDir });
    this.opts.log?.error('the full check found damage in the sales journal: new sales are paused', {
      detail,
      kept: this.quarantineDir,
    });
  }

  private keepCopy(reason: string, detail: string): void {
    if (existingJournalFiles(this.opts.file).length === 0) return;
    try {
      this.quarantineDir = quarantineJournal(this.opts.dataDir, this.opts.file, reason, detail, this.opts.clock()).dir;
    } catch (err) {
      // Without the copy nothing may be deleted: restore and start-new stop here.
      throw new PosError(
        'database',
        `The sales journal could not be copied aside (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); nothing was changed. Free some disk space and try again.`,
      );
    }
  }

  private close(problem: JournalProblem | null, detail: string | null): void {
    this.state = 'closed';
    this.problem = problem;
    this.detail = detail;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.runCheck(), ms);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private changed(): void {
    try {
      this.opts.onChange?.(this.status());
    } catch (err) {
      this.opts.log?.warn('journal status listener failed', { error: err });
    }
  }

  private recordVerdict(m: Omit<CheckMarker, 'version' | 'ino'>): void {
    try {
      writeMarker(this.opts.dataDir, this.opts.file, m);
    } catch (err) {
      this.opts.log?.warn('could not record the journal check', { error: err });
    }
  }
}
