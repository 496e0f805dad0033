import type { OrderReason } from '@shared/domain';
import { METHOD_RULES, type MethodKind, type SaleMethod } from '@shared/methods';
import type { MessageKey } from '../i18n';

const NEXT_STEPS: Partial<Record<OrderReason, MessageKey>> = {
  gateway_rejected: 'next.gateway_rejected',
  invalid_payload: 'next.invalid_payload',
  auth: 'next.auth',
  create_lost: 'next.create_lost',
  fee_above_price: 'next.fee_above_price',
};

/** What the cashier can do about a failed sale; the generic advice when the reason has none. */
export function nextStepKey(reason: OrderReason | null | undefined): MessageKey {
  return (reason ? NEXT_STEPS[reason] : undefined) ?? 'next.generic';
}

/** "Create a new QR" only where there is a QR: a VA sale gets a new number, PayPal a new link. */
const RECREATE: Record<MethodKind, MessageKey> = {
  // A cash part is paid the moment it is written: it never ends canceled or expired.
  cash: 'outcome.recreate',
  qris: 'outcome.recreate',
  link: 'outcome.recreate',
  va: 'outcome.recreateVa',
  paypal: 'outcome.recreateLink',
};

export function recreateKey(method: SaleMethod): MessageKey {
  return RECREATE[METHOD_RULES[method].kind];
}
