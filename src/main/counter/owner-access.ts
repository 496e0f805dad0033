import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PIN_PATTERN } from '@shared/counter';
import { PosError } from '@shared/errors';
import { writeFileAtomic } from '../settings/atomic-file';
import { hashPin, verifyPin, weakPin } from './pin-hash';
import { PinLocks } from './pin-policy';

export const OWNER_FILE = 'owner.json';
/** The owner's id wherever the journal names who did something. */
export const OWNER_ID = 'owner';

/** Who did something: a cashier, the owner, or anyone at a till whose owner has not set a PIN yet. */
export interface Actor {
  staffId: string | null;
  name: string;
  role: 'owner' | 'cashier' | 'unprotected';
}

/** One line of the audit journal: an owner-only action and who did it, or a refused PIN. */
export interface AuditEntry {
  action: string;
  actor: Actor | null;
  target: string | null;
  facts: Record<string, unknown> | null;
}

interface OwnerRecord {
  version: 1;
  name: string;
  pinHash: string;
  failed: number;
  lastFailedAt: string | null;
  setAt: string;
}

export interface OwnerAccessDeps {
  dataDir: string;
  wall: () => Date;
  /** Monotonic milliseconds: the idle timeout and PIN locks must not move with the wall clock. */
  mono: () => number;
  idleMs?: number;
  onChange?: () => void;
  /** Where refusals and owner actions are journaled (the journal, when it is open). */
  audit?: (entry: AuditEntry) => void;
}

export const OWNER_IDLE_MS = 3 * 60_000;

export function checkNewPin(pin: string): void {
  if (!PIN_PATTERN.test(pin))
    throw new PosError('invalid_input', 'A PIN is 4 to 8 digits.', [{ path: 'pin', message: 'pin_format' }]);
  if (weakPin(pin))
    throw new PosError('invalid_input', 'This PIN is too easy to guess (one digit repeated, or a run like 1234).', [
      { path: 'pin', message: 'pin_weak' },
    ]);
}

/**
 * The owner: a name and a PIN, kept beside the settings rather than in the sales journal,
 * because the owner is who restores a damaged journal (the PIN must work while it is closed)
 * and the PIN must outlive a restored or new journal. Written atomically, owner-only (0600),
 * with the wrong-PIN count, so a restart does not reset it.
 *
 * Unlocking gives an owner session in main that ends after a few idle minutes (monotonic):
 * every owner-only call is checked here, whatever the window shows. Until a PIN is set the
 * till is unprotected (a first look, demo mode): see requireOwner().
 */
export class OwnerAccess {
  private record: OwnerRecord | null;
  private lastUse: number | null = null;
  private seq = 0;
  private checks: Promise<unknown> = Promise.resolve();
  private readonly locks: PinLocks;
  private readonly file: string;
  readonly idleMs: number;

  constructor(private readonly deps: OwnerAccessDeps) {
    this.file = join(deps.dataDir, OWNER_FILE);
    this.idleMs = deps.idleMs ?? OWNER_IDLE_MS;
    this.locks = new PinLocks(deps.mono, deps.wall);
    this.record = this.read();
  }

  set audit(fn: ((entry: AuditEntry) => void) | undefined) {
    this.deps.audit = fn;
  }

  /** Journals an action while the journal is open; false when there is nowhere to write it. */
  journalAction(entry: AuditEntry): boolean {
    if (!this.deps.audit) return false;
    this.deps.audit(entry);
    return true;
  }

  /** One sequence for every access view, whichever part of main builds it. */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  get pinSet(): boolean {
    return this.record !== null;
  }

  get name(): string | null {
    return this.record?.name ?? null;
  }

  actor(): Actor {
    return this.record
      ? { staffId: OWNER_ID, name: this.record.name, role: 'owner' }
      : { staffId: null, name: '', role: 'unprotected' };
  }

  unlocked(): boolean {
    if (!this.record || this.lastUse === null) return false;
    if (this.deps.mono() - this.lastUse >= this.idleMs) {
      this.lastUse = null;
      this.deps.onChange?.();
      return false;
    }
    return true;
  }

  lockedForMs(): number {
    return this.record ? this.locks.remaining(OWNER_ID, this.failures()) : 0;
  }

  /**
   * The gate for every owner-only call. With a PIN set, the owner must have unlocked within
   * the idle time (each call keeps the session alive); without one, the till is unprotected
   * and the action is journaled as such.
   */
  requireOwner(action: string): Actor {
    if (!this.record) return this.actor();
    if (!this.unlocked())
      throw new PosError('owner_required', `Only the owner may ${action}: enter the owner's PIN first.`);
    this.lastUse = this.deps.mono();
    return this.actor();
  }

  /** Money that leaves the shop (refunds, voids) and staff need a real owner, not an unprotected till. */
  requirePinnedOwner(action: string): Actor {
    if (!this.record)
      throw new PosError(
        'owner_required',
        `Set the owner's PIN first (Settings, Owner and cashiers): only the owner may ${action}.`,
        [{ path: 'pin', message: 'owner_pin_missing' }],
      );
    return this.requireOwner(action);
  }

  /** Checks the owner's PIN with the rate limit; opens the owner session. */
  unlock(pin: string): Promise<Actor> {
    return this.serial(async () => {
      if (!this.record) throw new PosError('illegal_state', 'No owner PIN is set yet.');
      await this.check(pin);
      this.lastUse = this.deps.mono();
      this.deps.onChange?.();
      return this.actor();
    });
  }

  lock(): void {
    if (this.lastUse === null) return;
    this.lastUse = null;
    this.deps.onChange?.();
  }

  /**
   * Sets the owner's name and PIN. The first time, anyone at the till may (that is how a shop
   * starts); afterwards only the unlocked owner, who also confirms the current PIN.
   */
  setPin(input: { name: string; pin: string; currentPin?: string }): Promise<Actor> {
    return this.serial(async () => {
      checkNewPin(input.pin);
      const name = input.name.trim();
      if (name.length < 1 || name.length > 40)
        throw new PosError('invalid_input', 'Give the owner a name of 1 to 40 characters.', [
          { path: 'name', message: 'name' },
        ]);
      const first = this.record === null;
      if (!first) {
        this.requireOwner('change the owner PIN');
        if (input.currentPin === undefined)
          throw new PosError('invalid_input', 'Enter the current owner PIN too.', [
            { path: 'currentPin', message: 'required' },
          ]);
        await this.check(input.currentPin);
      }
      const next: OwnerRecord = {
        version: 1,
        name,
        pinHash: await hashPin(input.pin),
        failed: 0,
        lastFailedAt: null,
        setAt: this.deps.wall().toISOString(),
      };
      this.write(next);
      this.record = next;
      this.lastUse = this.deps.mono();
      this.deps.audit?.({
        action: first ? 'owner_pin_set' : 'owner_pin_changed',
        actor: this.actor(),
        target: OWNER_ID,
        facts: { name },
      });
      this.deps.onChange?.();
      return this.actor();
    });
  }

  /** Verifies the owner's PIN as a second person's confirmation (nothing else changes). */
  confirm(pin: string): Promise<Actor> {
    return this.serial(async () => {
      if (!this.record) throw new PosError('illegal_state', 'No owner PIN is set yet.');
      await this.check(pin);
      return this.actor();
    });
  }

  /** One PIN check at a time: two quick attempts cannot both pass the lock. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.checks.then(fn);
    this.checks = run.catch(() => undefined);
    return run;
  }

  private failures() {
    return { failed: this.record?.failed ?? 0, lastFailedAt: this.record?.lastFailedAt ?? null };
  }

  private async check(pin: string): Promise<void> {
    const record = this.record!;
    const wait = this.locks.remaining(OWNER_ID, this.failures());
    if (wait > 0) {
      this.deps.audit?.({ action: 'pin_refused', actor: null, target: OWNER_ID, facts: { locked: true } });
      throw lockedError(wait);
    }
    if (PIN_PATTERN.test(pin) && (await verifyPin(pin, record.pinHash))) {
      if (record.failed > 0) {
        this.write({ ...record, failed: 0, lastFailedAt: null });
        this.record = { ...record, failed: 0, lastFailedAt: null };
      }
      this.locks.cleared(OWNER_ID);
      return;
    }
    const failed = record.failed + 1;
    const next = { ...record, failed, lastFailedAt: this.deps.wall().toISOString() };
    this.write(next);
    this.record = next;
    this.locks.failed(OWNER_ID, failed);
    this.deps.audit?.({ action: 'pin_refused', actor: null, target: OWNER_ID, facts: { failed } });
    this.deps.onChange?.();
    throw wrongPinError(this.locks.remaining(OWNER_ID, this.failures()));
  }

  private read(): OwnerRecord | null {
    if (!existsSync(this.file)) return null;
    let raw: Partial<OwnerRecord>;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<OwnerRecord>;
    } catch {
      // A damaged owner file must not unlock the till: refuse to start rather than guess.
      throw new PosError(
        'database',
        `The owner file ${this.file} cannot be read. Restore it from a copy, or remove it to set a new owner PIN.`,
      );
    }
    if (
      raw.version !== 1 ||
      typeof raw.name !== 'string' ||
      typeof raw.pinHash !== 'string' ||
      typeof raw.failed !== 'number' ||
      typeof raw.setAt !== 'string'
    )
      throw new PosError('database', `The owner file ${this.file} is not one this app wrote.`);
    return {
      version: 1,
      name: raw.name,
      pinHash: raw.pinHash,
      failed: Math.max(0, Math.trunc(raw.failed)),
      lastFailedAt: typeof raw.lastFailedAt === 'string' ? raw.lastFailedAt : null,
      setAt: raw.setAt,
    };
  }

  private write(record: OwnerRecord): void {
    writeFileAtomic(this.file, JSON.stringify(record, null, 2));
  }
}

export function wrongPinError(lockedForMs: number): PosError {
  return lockedForMs > 0
    ? lockedError(lockedForMs)
    : new PosError('pin_wrong', 'Wrong PIN; nothing was changed.', [{ path: 'pin', message: 'wrong' }]);
}

export function lockedError(lockedForMs: number): PosError {
  const seconds = Math.ceil(lockedForMs / 1000);
  return new PosError('pin_locked', `Too many wrong PINs: try again in ${seconds} seconds. Nothing was changed.`, [
    { path: 'pin', message: `locked:${seconds}` },
  ]);
}
