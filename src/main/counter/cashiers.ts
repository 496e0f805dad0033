import { PIN_PATTERN, type StaffView } from '@shared/counter';
import { PosError } from '@shared/errors';
import type { CounterJournal } from './counter-journal';
import { checkNewPin, lockedError, wrongPinError, type Actor } from './owner-access';
import { hashPin, verifyPin } from './pin-hash';
import type { PinLocks } from './pin-policy';

interface StaffRow {
  staff_id: string;
  name: string;
  role: 'owner' | 'cashier';
  pin_hash: string;
  active: number;
  failed_attempts: number;
  last_failed_at: string | null;
}

export interface CashierPatch {
  staffId: string;
  name?: string;
  pin?: string;
  active?: boolean;
}

function cleanName(name: string): string {
  const n = name.trim();
  if (n.length < 1 || n.length > 40)
    throw new PosError('invalid_input', 'A name is 1 to 40 characters.', [{ path: 'name', message: 'name' }]);
  return n;
}

/**
 * The shop's cashiers, in the journal: a name, a scrypt-hashed PIN, and the count of wrong
 * PINs (so a restart does not reset it). Changes are made by the owner and journaled with
 * who made them; the outbox carries them without the PIN or its hash.
 */
export class Cashiers {
  private checks: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly journal: CounterJournal,
    private readonly locks: PinLocks,
    private readonly terminal: () => string,
    private readonly onChange: () => void,
  ) {}

  list(): StaffView[] {
    const rows = this.journal.db
      .prepare("SELECT * FROM staff WHERE role = 'cashier' ORDER BY active DESC, name COLLATE NOCASE, staff_id")
      .all() as StaffRow[];
    return rows.map((r) => this.toView(r));
  }

  get(staffId: string): StaffRow | null {
    return (
      (this.journal.db.prepare('SELECT * FROM staff WHERE staff_id = ?').get(staffId) as StaffRow | undefined) ?? null
    );
  }

  async add(input: { name: string; pin: string }, by: Actor, ownerName: string | null): Promise<StaffView> {
    const name = cleanName(input.name);
    checkNewPin(input.pin);
    this.refuseTakenName(name, null, ownerName);
    const pinHash = await hashPin(input.pin);
    return this.journal.tx(() => {
      // Checked again inside the transaction: two windows adding the same name race here.
      this.refuseTakenName(name, null, ownerName);
      const at = this.journal.now().toISOString();
      const staffId = this.journal.newId(this.terminal());
      this.journal.db
        .prepare(
          "INSERT INTO staff (staff_id, name, role, pin_hash, active, created_at, updated_at) VALUES (?, ?, 'cashier', ?, 1, ?, ?)",
        )
        .run(staffId, name, pinHash, at, at);
      this.changed(staffId, by, at, true, 'cashier_added');
      this.onChange();
      return this.toView(this.get(staffId)!);
    });
  }

  async update(patch: CashierPatch, by: Actor, ownerName: string | null): Promise<StaffView> {
    const current = this.mustGet(patch.staffId);
    const name = patch.name === undefined ? current.name : cleanName(patch.name);
    if (patch.pin !== undefined) checkNewPin(patch.pin);
    const pinHash = patch.pin === undefined ? null : await hashPin(patch.pin);
    return this.journal.tx(() => {
      const row = this.mustGet(patch.staffId);
      const active = patch.active ?? row.active === 1;
      if (active && name.toLowerCase() !== row.name.toLowerCase()) this.refuseTakenName(name, row.staff_id, ownerName);
      if (active && row.active === 0) this.refuseTakenName(name, row.staff_id, ownerName);
      if (!active) this.refuseOnOpenShift(row.staff_id);
      const at = this.journal.now().toISOString();
      this.journal.db
        .prepare(
          `UPDATE staff SET name = ?, active = ?, pin_hash = coalesce(?, pin_hash),
             failed_attempts = CASE WHEN ? IS NULL THEN failed_attempts ELSE 0 END,
             last_failed_at = CASE WHEN ? IS NULL THEN last_failed_at ELSE NULL END, updated_at = ?
           WHERE staff_id = ?`,
        )
        .run(name, active ? 1 : 0, pinHash, pinHash, pinHash, at, row.staff_id);
      if (pinHash) this.locks.cleared(row.staff_id);
      this.changed(row.staff_id, by, at, pinHash !== null, 'cashier_changed', {
        ...(name !== row.name ? { name } : {}),
        ...(active !== (row.active === 1) ? { active } : {}),
        ...(pinHash ? { pin: 'changed' } : {}),
      });
      this.onChange();
      return this.toView(this.get(row.staff_id)!);
    });
  }

  /** A cashier's PIN, with the rate limit; refusals are journaled and change nothing else. */
  verify(staffId: string, pin: string): Promise<Actor> {
    const run = this.checks.then(async () => {
      const row = this.mustGet(staffId);
      if (row.active !== 1)
        throw new PosError('illegal_state', `${row.name} is no longer a cashier here; ask the owner.`);
      const wait = this.locks.remaining(staffId, this.failures(row));
      if (wait > 0) {
        this.journal.audit({ action: 'pin_refused', actor: null, target: staffId, facts: { locked: true } });
        throw lockedError(wait);
      }
      if (PIN_PATTERN.test(pin) && (await verifyPin(pin, row.pin_hash))) {
        if (row.failed_attempts > 0) {
          this.journal.tx(() =>
            this.journal.db
              .prepare('UPDATE staff SET failed_attempts = 0, last_failed_at = NULL WHERE staff_id = ?')
              .run(staffId),
          );
          this.onChange();
        }
        this.locks.cleared(staffId);
        return { staffId, name: row.name, role: 'cashier' as const };
      }
      const failed = this.journal.tx(() => {
        const at = this.journal.now().toISOString();
        this.journal.db
          .prepare('UPDATE staff SET failed_attempts = failed_attempts + 1, last_failed_at = ? WHERE staff_id = ?')
          .run(at, staffId);
        const n = this.get(staffId)!.failed_attempts;
        this.journal.audit({ action: 'pin_refused', actor: null, target: staffId, facts: { failed: n } });
        return n;
      });
      this.locks.failed(staffId, failed);
      this.onChange();
      throw wrongPinError(this.locks.remaining(staffId, { failed, lastFailedAt: null }));
    });
    this.checks = run.catch(() => undefined);
    return run;
  }

  private failures(row: StaffRow) {
    return { failed: row.failed_attempts, lastFailedAt: row.last_failed_at };
  }

  private toView(row: StaffRow): StaffView {
    return {
      staffId: row.staff_id,
      name: row.name,
      role: row.role,
      active: row.active === 1,
      lockedForMs: this.locks.remaining(row.staff_id, this.failures(row)),
    };
  }

  private mustGet(staffId: string): StaffRow {
    const row = this.get(staffId);
    if (!row || row.role !== 'cashier') throw new PosError('not_found', `No cashier ${staffId}.`);
    return row;
  }

  private refuseTakenName(name: string, except: string | null, ownerName: string | null): void {
    const taken = this.journal.db
      .prepare('SELECT 1 FROM staff WHERE active = 1 AND name = ? COLLATE NOCASE AND staff_id IS NOT ?')
      .get(name, except);
    if (taken || (ownerName !== null && ownerName.toLowerCase() === name.toLowerCase()))
      throw new PosError('invalid_input', `Someone here is already called ${name}; choose another name.`, [
        { path: 'name', message: 'name_taken' },
      ]);
  }

  private refuseOnOpenShift(staffId: string): void {
    const open = this.journal.db.prepare("SELECT 1 FROM shifts WHERE state = 'open' AND cashier_id = ?").get(staffId);
    if (open)
      throw new PosError(
        'illegal_state',
        'This cashier is at the counter now: close the shift or change cashier first.',
      );
  }

  private changed(
    staffId: string,
    by: Actor,
    at: string,
    pinChanged: boolean,
    action: string,
    facts: Record<string, unknown> = {},
  ): void {
    const row = this.get(staffId)!;
    this.journal.outbox(
      'staff.changed',
      staffId,
      {
        staffId,
        name: row.name,
        role: row.role,
        active: row.active === 1,
        pinChanged,
        at,
        byStaffId: by.staffId,
      },
      at,
    );
    this.journal.audit({ action, actor: by, target: staffId, facts: { name: row.name, ...facts } });
  }
}
