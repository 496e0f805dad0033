import type { CartEntry, SaleLineView } from '@shared/items';
import type { ChargePlan } from './charge-plan';

/** The priced cart is the one on screen: same items, same quantities, same order. */
export function samePicks(entries: readonly CartEntry[], lines: readonly SaleLineView[]): boolean {
  return (
    entries.length === lines.length && entries.every((e, i) => lines[i]!.itemId === e.itemId && lines[i]!.qty === e.qty)
  );
}

export interface ChargeState {
  plan: ChargePlan;
  /** A charge is already on its way to main. */
  busy: boolean;
  /** Main's settings have arrived (the method rules and fee payer depend on them). */
  hasSettings: boolean;
  /** Main's price is of the cart on screen, not of the one before the last tap. */
  cartPriced: boolean;
}

/** Whether the charge button (and Enter) may start a charge now. */
export function canChargeNow(s: ChargeState): boolean {
  return s.plan.kind !== 'empty' && !s.busy && s.hasSettings && s.cartPriced;
}

/** Whether Tunai (the button or F2) may open the cash panel now. */
export function canOpenCash(amount: number, busy: boolean, hasSettings: boolean): boolean {
  return amount > 0 && !busy && hasSettings;
}
