import type { CashSaleResult, RefundView, SaleView } from '@shared/counter';
import type { OrderView } from '@shared/domain';
import type { SaleLineView } from '@shared/items';
import { PosError } from '@shared/errors';
import { MAX_AMOUNT, type PaymentMethod } from '@shared/methods';
import { isFinal } from '@shared/order-state';
import { checkLines, readSaleLines } from '../orders/sale-lines';
import type { CounterJournal } from './counter-journal';
import { refundSlipInput, saleReceiptInput } from './counter-receipts';
import type { Actor } from './owner-access';
import type { People } from './people';
import { RefundBook, type RefundInput } from './refunds';
import { SaleBook, type CashContext } from './sales';
import { amountError, checkGatewayPart, checkTendered, wholeRupiah } from './counter-amounts';
import type { ShiftRow } from './shift-reader';
import type { ShiftBook } from './shifts';

/** The engine's side of a counter sale: unchanged, only told which sale a charge belongs to. */
export interface CounterEngine {
  charge(input: {
    amount: number;
    method: PaymentMethod;
    note?: string;
    saleId?: string | null;
    lines?: readonly SaleLineView[] | null;
  }): Promise<OrderView>;
  showOnCounter(orderId: string): void;
  getActiveSale(): OrderView | null;
}

/** The printer's side: documents are recorded once, after the journal has the change. */
export interface CounterPrinting {
  recordSale(input: ReturnType<typeof saleReceiptInput>, when?: 'auto' | 'always' | 'never'): unknown;
  recordRefund(input: ReturnType<typeof refundSlipInput>, opts?: { openDrawer?: boolean }): unknown;
  receipt(kind: 'sale', ref: string): unknown;
}

export interface CounterServiceDeps {
  journal: CounterJournal;
  people: People;
  shifts: ShiftBook;
  engine: CounterEngine;
  printing: CounterPrinting;
  /** The project and terminal a sale is made under, as the engine sees them now. */
  cashContext: () => CashContext;
  /** Asks Pakasir's fee for a charge before anything is written (a failure then writes nothing). */
  prepareCharge: (amount: number, method: PaymentMethod) => Promise<void>;
  /** The API version a gateway part would go through (its amount limits). */
  apiVersion: () => 'v1' | 'v2';
  onCounterChanged: () => void;
  onOrderWritten: (order: OrderView) => void;
  log?: { warn(message: string, fields?: Record<string, unknown>): void };
  /** Defers work off the caller's turn (receipts never delay "paid" on screen). */
  defer?: (fn: () => void) => void;
}

/**
 * Sales at the counter: cash with change, a gateway charge (QRIS, VA, link), or a split of
 * cash and one gateway part, and refunds. Cash never touches Pakasir and is written paid
 * before the windows are told; a gateway part is the payment engine's, unchanged, linked to
 * its sale. A sale never has two live gateway parts.
 */
export class CounterService {
  readonly sales: SaleBook;
  private readonly refunds: RefundBook;
  private readonly defer: (fn: () => void) => void;

  constructor(private readonly deps: CounterServiceDeps) {
    this.sales = new SaleBook(deps.journal);
    this.refunds = new RefundBook(deps.journal, this.sales, deps.shifts);
    this.defer = deps.defer ?? ((fn) => void setImmediate(fn));
  }

  /** A cash sale: the customer hands over `tendered`, the drawer keeps `amount`, the rest is change. */
  sellCash(input: {
    amount: number;
    tendered: number;
    note?: string;
    lines?: readonly SaleLineView[] | null;
  }): CashSaleResult {
    wholeRupiah(input.amount, 'amount', MAX_AMOUNT);
    checkTendered(input.amount, input.tendered);
    if (input.lines?.length) checkLines(input.lines, input.amount);
    const shift = this.needShift();
    this.noLiveSale();
    const ctx = this.deps.cashContext();
    const note = input.note?.trim() ?? '';
    const { saleId, orderId } = this.deps.journal.tx(() => {
      const saleId = this.sales.open(
        { price: input.amount, note, cashier: this.cashierOf(shift), shiftId: shift.shift_id },
        ctx.terminal,
      );
      const orderId = this.sales.addCash(
        saleId,
        { amount: input.amount, tendered: input.tendered, note, shiftId: shift.shift_id },
        ctx,
      );
      this.sales.addLines(orderId, input.lines);
      return { saleId, orderId };
    });
    return this.afterCash(saleId, orderId);
  }

  /**
   * Part cash, the rest by one gateway method. Everything the engine would refuse is checked
   * first, so a refusal writes nothing; then the sale and its cash part are written, then the
   * engine charges the rest. Should that charge fail, the sale stays with the rest due, and
   * the counter offers a new QR, the rest in cash, or a void.
   */
  async chargeSplit(input: {
    amount: number;
    cash: number;
    method: PaymentMethod;
    note?: string;
    lines?: readonly SaleLineView[] | null;
  }): Promise<OrderView> {
    wholeRupiah(input.amount, 'amount', MAX_AMOUNT);
    wholeRupiah(input.cash, 'cash', MAX_AMOUNT);
    if (input.lines?.length) checkLines(input.lines, input.amount);
    if (input.cash >= input.amount)
      throw amountError('cash', 'The cash covers the whole sale: take it as a cash sale, with change.', 'cash_covers');
    const rest = input.amount - input.cash;
    checkGatewayPart(this.deps.apiVersion(), input.method, rest);
    const shift = this.needShift();
    this.noLiveSale();
    await this.deps.prepareCharge(rest, input.method);
    const ctx = this.deps.cashContext();
    const note = input.note?.trim() ?? '';
    const saleId = this.deps.journal.tx(() => {
      const saleId = this.sales.open(
        { price: input.amount, note, cashier: this.cashierOf(shift), shiftId: shift.shift_id },
        ctx.terminal,
      );
      const cashPart = this.sales.addCash(
        saleId,
        { amount: input.cash, tendered: input.cash, note, shiftId: shift.shift_id },
        ctx,
      );
      // The whole sale's lines ride on its first part; the receipt reads them from every part.
      this.sales.addLines(cashPart, input.lines);
      return saleId;
    });
    this.publishParts(saleId);
    this.deps.onCounterChanged();
    return this.deps.engine.charge({ amount: rest, method: input.method, note, saleId });
  }

  /** A gateway sale from the keypad: as before, now with its cashier and shift when one is open. */
  async charge(input: {
    amount: number;
    method: PaymentMethod;
    note?: string;
    lines?: readonly SaleLineView[] | null;
  }): Promise<OrderView> {
    checkGatewayPart(this.deps.apiVersion(), input.method, input.amount);
    await this.deps.prepareCharge(input.amount, input.method);
    const shift = this.deps.shifts.anyOpen();
    const note = input.note?.trim() ?? '';
    // The engine journals the order FULL before it calls Pakasir: that flush carries this one.
    const saleId = this.deps.journal.txFlushedByNext(() =>
      this.sales.open(
        { price: input.amount, note, cashier: shift ? this.cashierOf(shift) : null, shiftId: shift?.shift_id ?? null },
        this.deps.cashContext().terminal,
      ),
    );
    const order = await this.deps.engine.charge({
      amount: input.amount,
      method: input.method,
      note,
      saleId,
      lines: input.lines ?? null,
    });
    if (shift) this.deps.onCounterChanged();
    return order;
  }

  /** The rest of a sale whose gateway part did not go through, taken in cash. */
  payRestInCash(input: { saleId: string; tendered: number }): CashSaleResult {
    const sale = this.mustSale(input.saleId);
    if (sale.state !== 'unpaid')
      throw new PosError(
        'illegal_state',
        `This sale is ${sale.state}; only the rest of a partly paid sale can be paid in cash.`,
      );
    checkTendered(sale.remaining, input.tendered);
    const shift = this.needShift();
    this.noLiveSale();
    const ctx = this.deps.cashContext();
    const orderId = this.deps.journal.tx(() => {
      // Read again inside the transaction: a second click pays nothing twice.
      const now = this.mustSale(input.saleId);
      if (now.state !== 'unpaid' || now.remaining !== sale.remaining)
        throw new PosError('illegal_state', 'This sale changed meanwhile; nothing was written.');
      return this.sales.addCash(
        input.saleId,
        { amount: now.remaining, tendered: input.tendered, note: now.note, shiftId: shift.shift_id },
        ctx,
      );
    });
    return this.afterCash(input.saleId, orderId);
  }

  getSale(saleId: string): SaleView {
    return this.mustSale(saleId);
  }

  /** Owner-only (checked by the caller): money back for a sale, by cash or another way. */
  refund(input: RefundInput, by: Actor): SaleView {
    wholeRupiah(input.amount, 'amount', MAX_AMOUNT);
    const shift = this.deps.shifts.anyOpen();
    const refund: RefundView = this.refunds.record(
      input,
      by,
      shift?.shift_id ?? null,
      this.deps.cashContext().terminal,
    );
    const sale = this.mustSale(input.saleId);
    this.deps.onCounterChanged();
    this.defer(() => {
      try {
        this.deps.printing.recordRefund(refundSlipInput(refund, sale), { openDrawer: refund.channel === 'cash' });
      } catch (err) {
        this.deps.log?.warn('could not record the refund slip', { refundId: refund.refundId, error: err });
      }
    });
    return this.mustSale(input.saleId);
  }

  /** A gateway part of a counter sale turned paid: its receipt, once, with the cashier's name. */
  onOrderUpdated(order: OrderView): void {
    if (!order.saleId || order.method === 'cash') return;
    if (isFinal(order.state)) this.deps.onCounterChanged();
    if (order.state !== 'paid') return;
    const saleId = order.saleId;
    this.defer(() => {
      try {
        if (this.deps.printing.receipt('sale', saleId)) return;
        const sale = this.sales.view(saleId);
        if (!sale || sale.state !== 'paid') return;
        // A sale an owner confirmed after review is not printed on its own: the customer has left.
        this.deps.printing.recordSale(
          saleReceiptInput(sale, this.linesOf(sale)),
          order.reason === 'resolved_paid' ? 'never' : 'auto',
        );
      } catch (err) {
        this.deps.log?.warn('could not record the receipt of a counter sale', { saleId, error: err });
      }
    });
  }

  /** The receipt of a paid counter sale, for printing or reprinting it. */
  receiptInput(saleId: string): ReturnType<typeof saleReceiptInput> | null {
    const sale = this.sales.view(saleId);
    return sale && sale.state === 'paid' ? saleReceiptInput(sale, this.linesOf(sale)) : null;
  }

  // ------------------------------------------------------------------ internals

  private afterCash(saleId: string, orderId: string): CashSaleResult {
    const order = this.sales.order(orderId)!;
    this.deps.onOrderWritten(order);
    this.deps.engine.showOnCounter(orderId);
    this.deps.onCounterChanged();
    const sale = this.mustSale(saleId);
    if (sale.state === 'paid') {
      this.defer(() => {
        try {
          this.deps.printing.recordSale(this.receiptOf(this.mustSale(saleId)), 'auto');
        } catch (err) {
          this.deps.log?.warn('could not record the receipt of a cash sale', { saleId, error: err });
        }
      });
    }
    return { sale, order };
  }

  /** What was sold (quick items), as journaled with the sale's parts. */
  private linesOf(sale: SaleView): SaleLineView[] {
    return sale.parts.flatMap((p) => readSaleLines(this.deps.journal.db, p.orderId));
  }

  private receiptOf(sale: SaleView): ReturnType<typeof saleReceiptInput> {
    return saleReceiptInput(sale, this.linesOf(sale));
  }

  private publishParts(saleId: string): void {
    for (const part of this.mustSale(saleId).parts) this.deps.onOrderWritten(part);
  }

  private needShift(): ShiftRow {
    const shift = this.deps.shifts.anyOpen();
    if (!shift) throw new PosError('no_shift', 'Cash goes into a drawer: open a shift first, with its starting cash.');
    return shift;
  }

  /** One sale on the counter at a time: a QR still waiting must be finished or canceled first. */
  private noLiveSale(): void {
    const active = this.deps.engine.getActiveSale();
    if (active && !isFinal(active.state))
      throw new PosError('busy', `Finish or cancel the open sale ${active.orderId} first.`);
  }

  private cashierOf(shift: ShiftRow): Actor {
    const current = this.deps.shifts.person(shift.shift_id, 'current');
    const staffId = current?.staffId ?? shift.cashier_id;
    return { staffId, name: current?.name || this.deps.people.nameOf(staffId) || '', role: 'cashier' };
  }

  private mustSale(saleId: string): SaleView {
    const sale = this.sales.view(saleId);
    if (!sale) throw new PosError('not_found', `No sale ${saleId} in the journal.`);
    return sale;
  }
}
