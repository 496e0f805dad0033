import { dispatch } from '../../src/main/api/dispatch';
import type { AppServices } from '../../src/main/app/service-types';
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract/api';
import type { PosErrorShape } from '../../src/shared/errors';

/** The owner and a cashier of the test shop. PINs that pass the weak-PIN rule. */
export const OWNER = { name: 'Bu Sari', pin: '482916' };
export const CASHIER = { name: 'Budi', pin: '582047' };

/** A call as a window makes it: through dispatch (schema check, owner guard, typed errors). */
export async function call<K extends CallName>(
  services: AppServices,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const envelope = await dispatch(services.handlers, name, input);
  if (!envelope.ok) throw Object.assign(new Error(`${name}: ${envelope.error.message}`), { shape: envelope.error });
  return envelope.value as CallOutput<K>;
}

/** The typed error a call answered with; fails the test if it succeeded. */
export async function refusal<K extends CallName>(
  services: AppServices,
  name: K,
  input: CallInput<K>,
): Promise<PosErrorShape> {
  const envelope = await dispatch(services.handlers, name, input);
  if (envelope.ok) throw new Error(`${name} was accepted: ${JSON.stringify(envelope.value).slice(0, 200)}`);
  return envelope.error;
}

/**
 * A shop that set up its counter: the owner's PIN, one cashier, and (unless told not to) a
 * shift that cashier opened with the given starting cash. The owner stays unlocked.
 */
export async function counterShop(
  services: AppServices,
  opts: { openingCash?: number; shift?: boolean } = {},
): Promise<{ cashierId: string; shiftId: string | null }> {
  await call(services, 'setOwnerPin', OWNER);
  const access = await call(services, 'addCashier', CASHIER);
  const cashierId = access.staff.find((s) => s.name === CASHIER.name)!.staffId;
  if (opts.shift === false) return { cashierId, shiftId: null };
  const shift = await call(services, 'openShift', {
    staffId: cashierId,
    pin: CASHIER.pin,
    openingCash: opts.openingCash ?? 200_000,
  });
  return { cashierId, shiftId: shift.shiftId };
}
