import { CounterJournal } from '../../src/main/counter/counter-journal';
import type { Actor } from '../../src/main/counter/owner-access';
import { RefundBook } from '../../src/main/counter/refunds';
import { SaleBook, type CashContext } from '../../src/main/counter/sales';
import type { ShiftRow } from '../../src/main/counter/shift-reader';
import { ShiftBook } from '../../src/main/counter/shifts';
import { businessDayOf } from '../../src/main/orders/local-time';
import { SHIFT_SALES, type PlannedSale } from './chaos-plan';

export const OPENING_CASH = 500_000;

/**
 * A chaos till's counter, through the till's own journal books (sales, shifts, refunds),
 * each step one transaction with its outbox entries, as the app writes them. Every step
 * first looks in the journal whether it was done, so a till killed anywhere redoes only
 * what its journal lacks: the sale (found by its plan note), the shift of its block (the
 * n-th shift), the block's cash out, the refund, the close.
 */
export class ChaosCounter {
  readonly journal: CounterJournal;
  readonly sales: SaleBook;
  readonly shifts: ShiftBook;
  private readonly refunds: RefundBook;
  private readonly cashier: Actor;

  constructor(
    file: string,
    till: number,
    now: () => Date,
    private readonly ctx: CashContext,
  ) {
    this.journal = new CounterJournal(file, `KASR000${till}`, now);
    this.sales = new SaleBook(this.journal);
    this.shifts = new ShiftBook(this.journal);
    this.refunds = new RefundBook(this.journal, this.sales, this.shifts);
    this.cashier = { staffId: `kasir-${till}`, name: `Kasir ${till + 1}`, role: 'cashier' };
  }

  /** The shift of sale i's block, opened if the journal has none for it yet. */
  shiftFor(i: number): ShiftRow {
    const block = Math.floor(i / SHIFT_SALES);
    const existing = this.nthShift(block);
    if (existing) return existing;
    this.shifts.open({
      terminal: this.ctx.terminal,
      businessDay: businessDayOf(this.journal.now(), 4, 'Asia/Jakarta'),
      openingCash: OPENING_CASH,
      by: this.cashier,
    });
    return this.nthShift(block)!;
  }

  /**
   * The counter sale of plan i, written with its cash part (sale and part in one transaction).
   * Only a resumed sale can already be in the journal: looked up then, never on the way.
   */
  saleFor(i: number, plan: PlannedSale, shift: ShiftRow, resuming: boolean): string {
    const note = `plan:${i}`;
    const found = resuming
      ? (this.journal.db.prepare('SELECT sale_id FROM sales WHERE note = ?').get(note) as
          { sale_id: string } | undefined)
      : undefined;
    if (found) return found.sale_id;
    return this.journal.tx(() => {
      const saleId = this.sales.open(
        { price: plan.salePrice, note, cashier: this.cashier, shiftId: shift.shift_id },
        this.ctx.terminal,
      );
      this.sales.addCash(
        saleId,
        { amount: plan.cash, tendered: plan.tendered, note, shiftId: shift.shift_id },
        this.ctx,
      );
      return saleId;
    });
  }

  /** After sale i: its refund or void, the block's cash out, and the close after the block's last sale. */
  after(i: number, plan: PlannedSale, saleId: string | null, shift: ShiftRow): void {
    if (saleId && plan.refund && !this.has('SELECT 1 FROM refunds WHERE sale_id = ?', saleId))
      this.refunds.record(
        { saleId, amount: plan.refund.amount, channel: plan.refund.channel, note: 'Pelanggan batal' },
        { staffId: 'owner', name: 'Pemilik', role: 'owner' },
        shift.shift_id,
        this.ctx.terminal,
      );
    if (
      i % SHIFT_SALES === SHIFT_SALES / 2 &&
      !this.has("SELECT 1 FROM shift_events WHERE shift_id = ? AND kind = 'cash_out'", shift.shift_id)
    )
      this.shifts.moveCash(shift.shift_id, 'out', 50_000, 'Setor ke bank', this.cashier);
    if (i % SHIFT_SALES === SHIFT_SALES - 1) this.close(shift.shift_id);
  }

  /** Closes the shift if still open, counting the drawer a little short on every third one. */
  close(shiftId: string): void {
    this.journal.tx(() => {
      const row = this.shifts.row(shiftId)!;
      if (row.state === 'closed') return;
      const expected = this.shifts.drawer(row).expected;
      const short = this.nthIndex(shiftId) % 3 === 0 ? 2_000 : 0;
      this.shifts.close(shiftId, expected - short, short ? 'Kurang' : '', this.cashier, '{}', { gross: 0, refunds: 0 });
    });
  }

  closeJournal(): void {
    this.journal.close();
  }

  private nthShift(n: number): ShiftRow | null {
    return (
      (this.journal.db.prepare('SELECT * FROM shifts ORDER BY rowid LIMIT 1 OFFSET ?').get(n) as
        ShiftRow | undefined) ?? null
    );
  }

  private nthIndex(shiftId: string): number {
    return (
      this.journal.db
        .prepare('SELECT count(*) AS n FROM shifts WHERE rowid < (SELECT rowid FROM shifts WHERE shift_id = ?)')
        .get(shiftId) as { n: number }
    ).n;
  }

  private has(sql: string, arg: string): boolean {
    return this.journal.db.prepare(sql).get(arg) !== undefined;
  }
}
