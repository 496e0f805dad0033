import type { AccessView, StaffView } from '@shared/counter';
import { PosError } from '@shared/errors';
import type { CashierPatch, Cashiers } from './cashiers';
import { OWNER_ID, type Actor, type OwnerAccess } from './owner-access';

/**
 * The owner and the cashiers as one list, and the one way to check anybody's PIN: the owner
 * may open a shift and sell too. Managing cashiers is the owner's, and needs a real owner
 * PIN (a till nobody protects cannot hand out cashier PINs).
 */
export class People {
  constructor(
    readonly owner: OwnerAccess,
    readonly cashiers: Cashiers,
  ) {}

  view(): AccessView {
    const staff: StaffView[] = [];
    if (this.owner.pinSet)
      staff.push({
        staffId: OWNER_ID,
        name: this.owner.name ?? '',
        role: 'owner',
        active: true,
        lockedForMs: this.owner.lockedForMs(),
      });
    staff.push(...this.cashiers.list());
    return {
      seq: this.owner.nextSeq(),
      ownerPinSet: this.owner.pinSet,
      ownerUnlocked: this.owner.unlocked(),
      ownerIdleMs: this.owner.idleMs,
      staff,
    };
  }

  /** Anybody's PIN, by who they say they are. */
  verify(staffId: string, pin: string): Promise<Actor> {
    if (staffId === OWNER_ID) {
      if (!this.owner.pinSet) throw new PosError('not_found', 'No owner PIN is set yet.');
      return this.owner.confirm(pin);
    }
    return this.cashiers.verify(staffId, pin);
  }

  /** The name a person had when last seen, for receipts and reports. */
  nameOf(staffId: string): string | null {
    if (staffId === OWNER_ID) return this.owner.name;
    return this.cashiers.get(staffId)?.name ?? null;
  }

  addCashier(input: { name: string; pin: string }): Promise<StaffView> {
    const by = this.owner.requirePinnedOwner('add a cashier');
    return this.cashiers.add(input, by, this.owner.name);
  }

  updateCashier(patch: CashierPatch): Promise<StaffView> {
    const by = this.owner.requirePinnedOwner('change a cashier');
    return this.cashiers.update(patch, by, this.owner.name);
  }
}
