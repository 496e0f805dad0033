import { useCallback, useEffect, useRef, useState } from 'react';
import type { CartEntry } from '@shared/items';
import type { FeePayer } from '@shared/fees';
import type { PaymentMethod } from '@shared/methods';
import { getPosApi } from '../api/pos-api';
import type { ChargePlan } from './charge-plan';
import { canChargeNow } from './keypad-charge';
import { describeError, type ShownError } from './errors';
import { useItems } from '../stores/items-store';
import { useKeypad } from '../stores/keypad-store';
import { usePos } from '../stores/pos-store';

/** A pause this long on an amount is worth asking Pakasir's fee for it. */
const PREPARE_AFTER_MS = 350;

/**
 * How long a charge is on its way before its button says so. A quick answer takes the
 * keypad straight to the QR, with no "charging" frame drawn in between (that frame, drawn
 * while main works on the sale, delayed the QR's own frame by about 9 ms at the median);
 * a slow one shows it well before the "preparing" screens (PREPARING_AFTER_MS). The keys,
 * the cart and a second press are refused from the first moment all the same: they read
 * the keypad store's flag, not the button.
 */
export const CHARGING_SHOWN_AFTER_MS = 150;

/**
 * Whether the charge button shows that a charge is on its way: the keypad store's
 * `charging` once it has lasted `delayMs`. Follows the store without re-rendering when the
 * flag changes, only when what is shown does.
 */
export function useChargingShown(delayMs = CHARGING_SHOWN_AFTER_MS): boolean {
  const [shown, setShown] = useState(() => useKeypad.getState().charging);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = (charging: boolean) => {
      clearTimeout(timer);
      if (charging) timer = setTimeout(() => setShown(true), delayMs);
      else setShown(false);
    };
    const unsubscribe = useKeypad.subscribe((s, prev) => {
      if (s.charging !== prev.charging) follow(s.charging);
    });
    // A charge that began between the first render and this subscription would be missed.
    follow(useKeypad.getState().charging);
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [delayMs]);
  return shown;
}

export interface KeypadSale {
  amount: number;
  note: string;
  /** The cart's picks when the sale is rung up with items, else null. */
  items: CartEntry[] | null;
  plan: ChargePlan;
  feePayer: FeePayer;
  hasSettings: boolean;
  /** Main's price is of the cart on screen (always true for a typed amount). */
  cartPriced: boolean;
  /** Clears the keypad after a sale is started. */
  reset: () => void;
}

/**
 * Charging from the keypad: the charge itself (by the planned method, or after the cashier
 * answered the method question), and the fee asked ahead while the cashier pauses.
 */
export function useKeypadCharge(sale: KeypadSale) {
  const { amount, note, items, plan, feePayer, hasSettings, cartPriced, reset } = sale;
  const [asking, setAsking] = useState(false);
  // The keypad store's flag is the one "a charge is on its way": the keys and the cart read
  // it, and it is checked here at the moment of the call, so a second Enter or click that
  // lands before the button shows it sends nothing. The button follows it a moment later.
  const charging = useChargingShown();
  // No busy state of its own (the store's flag is it), and the error set only when it
  // changes: pressing charge re-renders nothing, so the window draws no frame until the QR.
  const [error, setError] = useState<ShownError | null>(null);
  const latest = useRef({ amount, note, items, reset });
  latest.current = { amount, note, items, reset };
  const run = useCallback(async (by: PaymentMethod) => {
    const keypad = useKeypad.getState();
    if (keypad.charging) return;
    const { amount, note, items, reset } = latest.current;
    const input = note.trim() ? { amount, method: by, note: note.trim() } : { amount, method: by };
    keypad.setCharging(true);
    setError(null);
    try {
      const order = await getPosApi().charge(items ? { ...input, items } : input);
      usePos.getState().saleAnswered(order);
      reset();
      if (items) useItems.getState().clear();
    } catch (err) {
      setError(describeError(err));
    } finally {
      keypad.setCharging(false);
    }
  }, []);
  const canCharge = canChargeNow({ plan, busy: charging, hasSettings, cartPriced });
  const chargeBy = useCallback(
    async (by: PaymentMethod) => {
      setAsking(false);
      await run(by);
    },
    [run],
  );

  // While the cashier pauses on an amount, main asks Pakasir's fee for it (round price), so
  // Enter does not wait for those answers.
  const readyMethod = plan.kind === 'ready' ? plan.method : null;
  useEffect(() => {
    if (!readyMethod || feePayer !== 'shop') return;
    const timer = setTimeout(() => {
      void getPosApi()
        .prepareCharge({ amount, method: readyMethod })
        .catch(() => undefined);
    }, PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [amount, readyMethod, feePayer]);

  const charge = useCallback(async () => {
    if (!canCharge || useKeypad.getState().charging) return;
    if (plan.kind === 'ask') setAsking(true);
    else if (plan.kind === 'ready') await chargeBy(plan.method);
  }, [canCharge, plan, chargeBy]);

  return {
    busy: charging,
    canCharge,
    error,
    setError,
    asking,
    setAsking,
    chargeBy,
    charge,
  };
}
