import type { OrderEventView } from '@shared/domain';
import type { OrderState } from '@shared/order-state';
import { isMessageKey, type MessageKey } from '../i18n';

/**
 * The words for one line of a sale's timeline. The journal keeps the engine's own reason
 * codes (create_attempt, keep_checking_pending, ...); the owner reads a sentence for every one,
 * and a code this build does not know reads as a plain "system note", never as the code.
 */
export function eventReasonKey(ev: Pick<OrderEventView, 'reason' | 'from'>): MessageKey {
  const reason = ev.reason;
  if (reason === 'created' && ev.from === null) return 'event.opened';
  if (reason.startsWith('keep_checking_')) return 'event.keep_checking';
  const own = `event.${reason}`;
  if (isMessageKey(own)) return own;
  const sale = `reason.${reason}`;
  if (isMessageKey(sale)) return sale;
  return 'event.other';
}

export type DetailText =
  | { kind: 'status'; status: OrderState | null; raw: string }
  | { kind: 'plain'; text: string }
  | { kind: 'technical'; text: string };

/** Reasons whose detail is a person's own words (a note) or Pakasir's own message. */
const PEOPLE_WORDS = new Set(['proof_shown_offline', 'resolved_paid', 'resolved_not_paid', 'gateway_rejected', 'auth']);

const PAKASIR_STATUS: Record<string, OrderState> = {
  pending: 'awaiting_payment',
  completed: 'paid',
  canceled: 'canceled',
  cancelled: 'canceled',
  expired: 'expired',
};

/** Pakasir's own status word as the counter's state, or null for a word we do not know. */
export function pakasirStatusState(raw: string): OrderState | null {
  return PAKASIR_STATUS[raw.trim().toLowerCase()] ?? null;
}

/**
 * A sale's detail line: a note or Pakasir's message as is; "gateway status x" as Pakasir's
 * status in the shop's words; anything else the engine wrote is kept for support, folded
 * away as technical detail.
 */
export function detailText(reason: string | null, detail: string): DetailText {
  const status = /^gateway status (\S+)$/.exec(detail.trim());
  if (status) {
    const raw = status[1]!.toLowerCase();
    return { kind: 'status', status: pakasirStatusState(raw), raw };
  }
  if (reason && PEOPLE_WORDS.has(reason)) return { kind: 'plain', text: detail };
  return { kind: 'technical', text: detail };
}
