import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalProblem } from '@shared/domain';
import type { JournalRecovery } from '@shared/contract/api';
import { PosError } from '@shared/errors';
import { noteJournalCreated, renewInstallId, type InstallIdentity } from '../datafolder/install-id';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../log/logger';
import { listBackups } from '../orders/backups';
import type { BusinessCalendar } from '../orders/business-day';
import { JournalGuard } from '../orders/journal-guard';
import { MigrationRefusedError, planMigrations, type MigrationPlan } from '../orders/migrate';
import { MIGRATIONS } from '../orders/migrations';
import { MigrationFailedError, startMigration, type RunningMigration } from '../orders/migrate-worker';
import Database from 'better-sqlite3';
import { JournalOpenError, journalProblemOf } from '../orders/open-database';
import type { SettingsService } from '../settings/settings-service';
import type { OwnerAccess } from '../counter/owner-access';
import { takeFolder, type FolderAccess } from './folder-access';
import type { Gateways } from './gateway-context';
import { JOURNAL_FILE, openJournalSession, type JournalSession } from './journal-session';
import type { AppServicesOptions } from './service-types';

function problemOf(err: unknown): JournalProblem {
  if (err instanceof MigrationRefusedError) return 'newer_version';
  if (err instanceof JournalOpenError) return err.problem;
  if (err instanceof MigrationFailedError) return journalProblemOf(err.sqliteCode);
  return 'unreadable';
}

export interface KeeperDeps {
  options: AppServicesOptions;
  access: FolderAccess;
  bus: EventBus;
  log: Logger;
  settings: SettingsService;
  gateways: Gateways;
  calendar: BusinessCalendar;
  clock: () => Date;
  mono: () => number;
  install: InstallIdentity;
  owner: OwnerAccess;
}

/**
 * Owns the journal session: opens it only after the guard's cheap checks and only while the
 * folder is locked, closes it without merging an unchecked -wal, and carries out the
 * owner's recovery (restore a backup, start a new journal, try again).
 */
export class JournalKeeper {
  readonly guard: JournalGuard;
  private session: JournalSession | null = null;
  /** A journal from an earlier version being updated in the background before it opens. */
  private migration: RunningMigration | null = null;
  private recovering: Promise<unknown> = Promise.resolve();
  private installId: InstallIdentity;
  private copiedAtStart: boolean;

  constructor(private readonly deps: KeeperDeps) {
    this.installId = deps.install;
    this.copiedAtStart = deps.install.renewed?.reason === 'copied';
    const { options, settings, bus, log } = deps;
    const file = join(options.dataDir, JOURNAL_FILE);
    this.guard = new JournalGuard({
      dataDir: options.dataDir,
      file,
      clock: deps.clock,
      dayOf: (at) => deps.calendar.dayOf(at),
      // A folder that had sales must not quietly start an empty journal: a configured
      // project, a journal created here before, or a backup all say it had.
      expectHistory: () =>
        settings.view().projectSlug !== '' ||
        this.installId.journalCreatedAt !== null ||
        listBackups(options.dataDir, file).length > 0,
      openSales: () => this.session?.store.listLive().length ?? 0,
      onChange: (status) => bus.emit('journalStatusChanged', status),
      onCheckpoints: (allowed) => this.session?.store.allowCheckpoints(allowed),
      log: log.child('journal'),
      firstCheckAfterMs: options.journalCheckAfterMs,
      nativeBinding: options.sqliteBinding,
    });
  }

  get install(): InstallIdentity {
    return this.installId;
  }

  get current(): JournalSession | null {
    return this.session;
  }

  /** The open session, or the error every journal call answers while it is closed. */
  need(): JournalSession {
    if (this.session) return this.session;
    if (this.migration)
      throw new PosError(
        'busy',
        'The sales journal is being updated to this version of the app; sales and history open when it is done.',
      );
    throw new PosError(
      'database',
      'The sales journal is not open, so sales and history are unavailable. The owner can restore a backup or start a new journal on the screen shown.',
    );
  }

  /** New sales wait while the background check has found damage: nothing more goes into that file. */
  notPaused(): void {
    if (this.guard.paused)
      throw new PosError(
        'database',
        'The sales journal is damaged, so new sales are paused. A copy was kept; the owner can restore a backup from the journal screen.',
      );
  }

  /**
   * Cheap checks, then open; false (and the guard says why) when the journal stays closed,
   * or while a journal from an earlier version is updated first (it opens when that is done).
   */
  open(): boolean {
    if (this.session) return true;
    if (this.migration) return false;
    const { options, clock, log } = this.deps;
    // Never write the journal without holding the folder.
    if (!takeFolder(options, this.deps.access).held) {
      this.guard.failedToOpen('read_only', this.deps.access.readOnly ?? 'the data folder could not be locked');
      return false;
    }
    const checked = this.guard.precheck();
    if (!checked.ok) return false;
    try {
      const plan = this.migrationPlan();
      if (plan) {
        this.migrateThenOpen(plan);
        return false;
      }
      this.session = openJournalSession({
        ...this.deps,
        installId: this.installId.installId,
        dataFolderCopied: this.copiedAtStart,
      });
      // Only the first session of this start: a till paired again afterwards stays paired.
      this.copiedAtStart = false;
    } catch (err) {
      log.error('the sales journal could not be opened', { error: err });
      this.guard.failedToOpen(problemOf(err), (err as Error).message);
      return false;
    }
    if (!this.installId.journalCreatedAt) {
      noteJournalCreated(options.dataDir, clock());
      this.installId = { ...this.installId, journalCreatedAt: clock().toISOString() };
    }
    this.guard.opened(checked.fresh);
    return true;
  }

  /** The migrations a journal with sales still needs, or null when none (or it is new: nothing to copy, quick). */
  private migrationPlan(): MigrationPlan | null {
    const { options } = this.deps;
    const file = join(options.dataDir, JOURNAL_FILE);
    if (!existsSync(file) || statSync(file).size === 0) return null;
    // Read-only: this look must not merge a -wal into the file (see planMigrations).
    const db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      nativeBinding: options.sqliteBinding,
    });
    try {
      const plan = planMigrations(db, file, MIGRATIONS);
      return plan.pending.length > 0 && plan.hasData ? plan : null;
    } finally {
      db.close();
    }
  }

  /** Copies and updates the journal in a worker, the start-up screen showing how far; then opens it. */
  private migrateThenOpen(plan: MigrationPlan): void {
    const { options, clock, log } = this.deps;
    const file = join(options.dataDir, JOURNAL_FILE);
    log.info('the sales journal is from an earlier version: updating it', {
      from: plan.current,
      to: plan.pending[plan.pending.length - 1]!.version,
    });
    this.guard.updating({ step: 'backup', done: 0, total: 1 });
    const running = startMigration({
      file,
      plan,
      now: clock,
      nativeBinding: options.sqliteBinding,
      onProgress: (progress) => this.guard.updating(progress),
    });
    this.migration = running;
    running.result.then(
      (result) => {
        this.migration = null;
        log.info('the sales journal was updated', { ...result });
        this.open();
      },
      (err: unknown) => {
        if (this.migration !== running) return;
        this.migration = null;
        log.error('the sales journal could not be updated', { error: err });
        this.guard.failedToOpen(problemOf(err), (err as Error).message);
      },
    );
  }

  /** Closes the session; an unchecked or damaged journal keeps its -wal unmerged. */
  async close(): Promise<void> {
    const migration = this.migration;
    this.migration = null;
    // Stopped mid-way, the update is rolled back: the next start updates it again.
    if (migration) await migration.stop();
    const s = this.session;
    const keepWal = !this.guard.verified;
    this.session = null;
    await this.guard.stop();
    if (s) await s.close({ keepWal });
  }

  /** One recovery at a time: a double click must not restore twice. */
  recover(input: JournalRecovery): Promise<ReturnType<JournalGuard['status']>> {
    const run = this.recovering.then(() => this.recoverNow(input));
    this.recovering = run.catch(() => undefined);
    return run;
  }

  async stop(): Promise<void> {
    await this.recovering;
    await this.close();
    this.guard.closing(null, null);
  }

  private async recoverNow(input: JournalRecovery): Promise<ReturnType<JournalGuard['status']>> {
    const { options, clock } = this.deps;
    if (this.migration)
      throw new PosError('busy', 'The sales journal is being updated to this version of the app; wait until it opens.');
    if (input.action === 'retry') {
      this.open();
      return this.guard.status();
    }
    if (this.session) {
      if (!this.guard.paused)
        throw new PosError(
          'illegal_state',
          'The sales journal is open and passed its check: there is nothing to restore.',
        );
      const open = this.session.store.listLive();
      if (open.length > 0)
        throw new PosError('busy', `Finish or cancel the open sale ${open[0]!.orderId} before replacing the journal.`);
      const detail = this.guard.status().detail;
      await this.close();
      this.guard.closing('damaged', detail);
    }
    if (input.action === 'restore') await this.guard.restore(input.backup);
    else this.guard.startNew();
    // The journal no longer knows every id this installation issued: a new install id
    // keeps every id from now on new, by construction.
    const createdAt = this.installId.journalCreatedAt;
    const renewed = renewInstallId(options.dataDir, input.action === 'restore' ? 'restored' : 'new_journal', {
      now: clock,
    });
    this.installId = { ...renewed, journalCreatedAt: createdAt ?? renewed.journalCreatedAt };
    this.open();
    return this.guard.status();
  }
}
