/**
 * How money went back to a customer. Pakasir has no refund call: a QRIS or VA sale is
 * refunded outside it (cash from the drawer, a bank transfer, an e-wallet), and the journal
 * records how, with a note.
 */
export const REFUND_CHANNELS = ['cash', 'bank_transfer', 'e_wallet', 'other'] as const;
export type RefundChannel = (typeof REFUND_CHANNELS)[number];

/** Refunds and voids of a period, by when they were made. */
export interface RefundTotals {
  count: number;
  amount: number;
  /** The part given back in cash from a drawer. */
  cash: number;
  byChannel: { channel: RefundChannel; count: number; amount: number }[];
}
