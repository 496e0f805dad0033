import type { RefundChannel, SaleView, ShiftView } from '@shared/counter';

/**
 * The "give money back" form of a sale, as the screen offers it. Main decides and checks
 * every figure again inside its transaction (what is still refundable, the drawer, the
 * owner); this only shapes the form so the cashier sees the problem before pressing.
 *
 * A void is not a call of its own: it is refundSale with everything still refundable, for a
 * sale of the open shift. Main journals it as a void when the sale was never fully paid (a
 * split whose QR failed) and as a refund otherwise; either way the drawer, the day's
 * refunds and the Z report move the same way.
 */
export interface RefundDraft {
  /** Digits as typed; '' means "what is left refundable". */
  amount: string;
  channel: RefundChannel | null;
  note: string;
}

export type RefundProblem =
  | 'part_open'
  | 'nothing_left'
  | 'amount_zero'
  | 'above_refundable'
  | 'channel_missing'
  | 'cash_no_shift'
  | 'above_drawer'
  | 'note_missing';

/** The sale's paid parts that went through Pakasir: their money cannot go back through it. */
export function gatewayPartsPaid(sale: SaleView): boolean {
  return sale.parts.some((p) => p.method !== 'cash' && p.state === 'paid');
}

/** A QR or VA still waiting: nothing goes back until it ends. */
export function hasOpenPart(sale: SaleView): boolean {
  return sale.parts.some((p) => p.state === 'creating' || p.state === 'awaiting_payment');
}

/** Cash from the drawer when a shift is open (the quickest at a counter); otherwise the owner picks. */
export function startRefund(shift: ShiftView | null): RefundDraft {
  return { amount: '', channel: shift?.state === 'open' ? 'cash' : null, note: '' };
}

export function refundAmount(draft: RefundDraft, sale: SaleView): number {
  return draft.amount === '' ? sale.refundable : Number(draft.amount);
}

/** What stops this refund, first problem first; empty when it may be sent. */
export function refundProblems(draft: RefundDraft, sale: SaleView, shift: ShiftView | null): RefundProblem[] {
  if (hasOpenPart(sale)) return ['part_open'];
  if (sale.refundable <= 0) return ['nothing_left'];
  const out: RefundProblem[] = [];
  const amount = refundAmount(draft, sale);
  if (!Number.isSafeInteger(amount) || amount <= 0) out.push('amount_zero');
  else if (amount > sale.refundable) out.push('above_refundable');
  if (!draft.channel) out.push('channel_missing');
  if (draft.channel === 'cash') {
    if (!shift || shift.state !== 'open') out.push('cash_no_shift');
    else if (amount > shift.drawer.expected) out.push('above_drawer');
  }
  if (draft.note.trim() === '') out.push('note_missing');
  return out;
}

/** A whole sale of the open shift may be voided: everything back, nothing refunded yet. */
export function canVoid(sale: SaleView, shift: ShiftView | null): boolean {
  return (
    !!shift &&
    shift.state === 'open' &&
    sale.shiftId === shift.shiftId &&
    sale.refunds.length === 0 &&
    sale.refundable > 0 &&
    !hasOpenPart(sale)
  );
}

/** The call main gets: the amount always explicit, the note trimmed. */
export function refundInput(
  draft: RefundDraft,
  sale: SaleView,
): { saleId: string; amount: number; channel: RefundChannel; note: string } | null {
  if (!draft.channel) return null;
  return { saleId: sale.saleId, amount: refundAmount(draft, sale), channel: draft.channel, note: draft.note.trim() };
}

/**
 * Main's own refusal of a refund (its check runs again inside the transaction: another
 * window may have refunded meanwhile) in the form's words, or null for any other error.
 */
export function refundProblemFromError(err: unknown): RefundProblem | null {
  const e = err as { code?: unknown; issues?: { path: string; message: string }[] } | null;
  if (e?.code === 'no_shift') return 'cash_no_shift';
  if (e?.code === 'illegal_state') return 'part_open';
  if (e?.code !== 'invalid_input') return null;
  const byMessage: Record<string, RefundProblem> = {
    above_paid: 'above_refundable',
    nothing_refundable: 'nothing_left',
    above_drawer: 'above_drawer',
    required: 'note_missing',
  };
  for (const i of e.issues ?? []) if (byMessage[i.message]) return byMessage[i.message]!;
  return null;
}
