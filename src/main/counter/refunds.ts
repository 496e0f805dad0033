import type { RefundChannel, RefundView, SaleView } from '@shared/counter';
import { PosError } from '@shared/errors';
import { formatRupiah } from '@shared/money';
import type { CounterJournal } from './counter-journal';
import type { Actor } from './owner-access';
import type { SaleBook } from './sales';
import type { ShiftBook } from './shifts';

export interface RefundInput {
  saleId: string;
  amount: number;
  channel: RefundChannel;
  note: string;
}

/**
 * Refunds and voids: new rows linked to the sale, never edits of it. Pakasir has no refund
 * call, so a QRIS or VA sale is refunded outside it and the row says how (cash from the
 * drawer, a bank transfer, an e-wallet) with the owner's note. Cash refunds come out of the
 * open shift's drawer; a void is a refund of a sale that never completed (its cash back).
 */
export class RefundBook {
  constructor(
    private readonly journal: CounterJournal,
    private readonly sales: SaleBook,
    private readonly shifts: ShiftBook,
  ) {}

  record(input: RefundInput, by: Actor, openShiftId: string | null, terminal: string): RefundView {
    return this.journal.tx(() => {
      // Read inside the transaction: two refunds racing cannot both pass the limit.
      const sale = this.sales.view(input.saleId);
      if (!sale) throw new PosError('not_found', `No sale ${input.saleId} in the journal.`);
      this.check(sale, input, openShiftId);
      const at = this.journal.now().toISOString();
      const refundId = this.journal.newId(terminal);
      const kind = sale.state === 'paid' ? 'refund' : 'void';
      const shiftId = openShiftId;
      const note = input.note.trim();
      this.journal.db
        .prepare(
          `INSERT INTO refunds (refund_id, sale_id, kind, amount, channel, note, at, by_staff_id, by_name, shift_id, terminal)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          refundId,
          sale.saleId,
          kind,
          input.amount,
          input.channel,
          note,
          at,
          by.staffId,
          by.name,
          shiftId,
          terminal,
        );
      this.journal.outbox(
        'refund.recorded',
        refundId,
        {
          refundId,
          saleId: sale.saleId,
          kind,
          amount: input.amount,
          channel: input.channel,
          note,
          at,
          byStaffId: by.staffId,
          byName: by.name,
          shiftId,
          terminal,
        },
        at,
      );
      this.journal.audit({
        action: kind === 'void' ? 'void_sale' : 'refund_sale',
        actor: by,
        target: sale.saleId,
        facts: { refundId, amount: input.amount, channel: input.channel },
      });
      return this.sales.refunds(sale.saleId).find((r) => r.refundId === refundId)!;
    });
  }

  private check(sale: SaleView, input: RefundInput, openShiftId: string | null): void {
    if (sale.parts.some((p) => p.state === 'creating' || p.state === 'awaiting_payment'))
      throw new PosError(
        'illegal_state',
        'A payment of this sale is still open: wait for it, or cancel its QR, before giving money back.',
      );
    if (sale.refundable <= 0)
      throw new PosError('invalid_input', 'Everything paid for this sale was already given back.', [
        { path: 'amount', message: 'nothing_refundable' },
      ]);
    if (input.amount > sale.refundable)
      throw new PosError(
        'invalid_input',
        `At most ${formatRupiah(sale.refundable)} can be given back: that is what was paid and not yet refunded.`,
        [{ path: 'amount', message: 'above_paid' }],
      );
    if (input.note.trim().length === 0)
      throw new PosError('invalid_input', 'Say why the money goes back (and for a transfer, to which account).', [
        { path: 'note', message: 'required' },
      ]);
    if (input.channel === 'cash') {
      if (!openShiftId) throw new PosError('no_shift', 'Cash goes back from the drawer: open a shift first.');
      const shift = this.shifts.row(openShiftId)!;
      const drawer = this.shifts.drawer(shift);
      if (input.amount > drawer.expected)
        throw new PosError(
          'invalid_input',
          `The drawer should hold only ${formatRupiah(drawer.expected)}: refund the rest another way.`,
          [{ path: 'amount', message: 'above_drawer' }],
        );
    }
  }
}
