import type { RefundView, SaleView } from '@shared/counter';
import type { OrderView } from '@shared/domain';
import type { SaleLineView } from '@shared/items';
import { toView, type OrderRow } from '../orders/order-row';
import { writeSaleLines } from '../orders/sale-lines';
import { cachedStatement } from '../orders/statement-cache';
import type { CounterJournal } from './counter-journal';
import type { Actor } from './owner-access';
import { saleMoney } from './sale-state';

interface SaleRow {
  sale_id: string;
  terminal: string;
  price: number;
  note: string;
  created_at: string;
  cashier_id: string | null;
  cashier_name: string | null;
  shift_id: string | null;
}

interface RefundRow {
  refund_id: string;
  sale_id: string;
  kind: 'refund' | 'void';
  amount: number;
  channel: RefundView['channel'];
  note: string;
  at: string;
  by_name: string;
  shift_id: string | null;
}

/** How the journal row of a cash part is labelled: the project it was sold under, for the record only. */
export interface CashContext {
  terminal: string;
  apiVersion: 'v1' | 'v2';
  /** Demo or sandbox: the receipt says "not real money", as for the gateway's sales. */
  sandbox: boolean;
  project: string;
}

export interface NewSale {
  price: number;
  note: string;
  cashier: Actor | null;
  shiftId: string | null;
}

/**
 * Counter sales and their parts. A cash part is written paid, with the sale, in one
 * transaction, before any window is told: a crash leaves the sale whole or absent. Nothing
 * here edits a sale once written; refunds are rows of their own.
 */
export class SaleBook {
  constructor(private readonly journal: CounterJournal) {}

  /** Inside the caller's transaction: the sale row and its outbox entry. */
  open(sale: NewSale, terminal: string): string {
    const db = this.journal.db;
    const at = this.journal.now().toISOString();
    const saleId = this.journal.newId(terminal);
    const cashier = sale.cashier && sale.cashier.role !== 'unprotected' ? sale.cashier : null;
    cachedStatement(
      db,
      'INSERT INTO sales (sale_id, terminal, price, note, created_at, cashier_id, cashier_name, shift_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(saleId, terminal, sale.price, sale.note, at, cashier?.staffId ?? null, cashier?.name ?? null, sale.shiftId);
    this.journal.outbox(
      'sale.opened',
      saleId,
      {
        saleId,
        terminal,
        price: sale.price,
        note: sale.note,
        createdAt: at,
        cashierId: cashier?.staffId ?? null,
        cashierName: cashier?.name ?? null,
        shiftId: sale.shiftId,
      },
      at,
    );
    return saleId;
  }

  /**
   * Inside the caller's transaction: a cash part, paid at once, into the drawer of `shiftId`.
   * Its one event queues the order snapshot for the shop server (the outbox trigger).
   */
  addCash(
    saleId: string,
    part: { amount: number; tendered: number; note: string; shiftId: string },
    ctx: CashContext,
  ): string {
    const db = this.journal.db;
    const at = this.journal.now().toISOString();
    const orderId = this.journal.newId(ctx.terminal);
    const change = part.tendered - part.amount;
    db.prepare(
      `INSERT INTO orders (order_id, state, method, amount, price, fee_payer, fee, total_payment, note, terminal,
                           api_version, sandbox, project, created_at, updated_at, paid_at, sale_id, cash_tendered,
                           cash_change, shift_id)
       VALUES (?, 'paid', 'cash', ?, ?, 'shop', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      orderId,
      part.amount,
      part.amount,
      part.amount,
      part.note,
      ctx.terminal,
      ctx.apiVersion,
      ctx.sandbox ? 1 : 0,
      ctx.project,
      at,
      at,
      at,
      saleId,
      part.tendered,
      change,
      part.shiftId,
    );
    db.prepare(
      "INSERT INTO order_events (order_id, at, from_state, to_state, reason, facts) VALUES (?, ?, NULL, 'paid', 'cash_received', ?)",
    ).run(
      orderId,
      at,
      JSON.stringify({ amount: part.amount, tendered: part.tendered, change, saleId, shiftId: part.shiftId }),
    );
    return orderId;
  }

  /** Inside the caller's transaction: what was sold (quick items), kept with the sale's cash part. */
  addLines(orderId: string, lines: readonly SaleLineView[] | null | undefined): void {
    if (lines && lines.length > 0) writeSaleLines(this.journal.db, orderId, lines, this.journal.now().toISOString());
  }

  order(orderId: string): OrderView | null {
    const row = this.journal.db.prepare('SELECT * FROM orders WHERE order_id = ?').get(orderId) as OrderRow | undefined;
    return row ? toView(row) : null;
  }

  /**
   * A counter sale, or a payment taken before the counter kept sales (its order id stands
   * for the sale, so it can be refunded like any other).
   */
  view(saleId: string): SaleView | null {
    const db = this.journal.db;
    const row = db.prepare('SELECT * FROM sales WHERE sale_id = ?').get(saleId) as SaleRow | undefined;
    let parts: OrderView[];
    let sale: SaleRow;
    if (row) {
      sale = row;
      parts = (
        db.prepare('SELECT * FROM orders WHERE sale_id = ? ORDER BY created_at, order_id').all(saleId) as OrderRow[]
      ).map(toView);
    } else {
      const order = db.prepare('SELECT * FROM orders WHERE order_id = ? AND sale_id IS NULL').get(saleId) as
        OrderRow | undefined;
      if (!order) return null;
      parts = [toView(order)];
      sale = {
        sale_id: saleId,
        terminal: order.terminal,
        price: order.price ?? order.amount,
        note: order.note,
        created_at: order.created_at,
        cashier_id: null,
        cashier_name: null,
        shift_id: null,
      };
    }
    const refunds = this.refunds(saleId);
    const refunded = refunds.reduce((s, r) => s + r.amount, 0);
    const money = saleMoney({ price: sale.price, parts, refunded });
    const receipt = db.prepare("SELECT receipt_no FROM receipts WHERE kind = 'sale' AND ref = ?").get(saleId) as
      { receipt_no: string } | undefined;
    return {
      saleId,
      terminal: sale.terminal,
      price: sale.price,
      note: sale.note,
      createdAt: sale.created_at,
      cashier: sale.cashier_id ? { staffId: sale.cashier_id, name: sale.cashier_name ?? '' } : null,
      shiftId: sale.shift_id,
      parts,
      refunds,
      paid: money.paid,
      customerPaid: money.customerPaid,
      remaining: money.remaining,
      refunded,
      refundable: money.refundable,
      state: money.state,
      receiptNo: receipt?.receipt_no ?? null,
    };
  }

  refunds(saleId: string): RefundView[] {
    const rows = this.journal.db
      .prepare(
        `SELECT r.*, (SELECT receipt_no FROM receipts WHERE kind = 'refund' AND ref = r.refund_id) AS receipt_no
           FROM refunds r WHERE r.sale_id = ? ORDER BY r.at, r.refund_id`,
      )
      .all(saleId) as (RefundRow & { receipt_no: string | null })[];
    return rows.map((r) => ({
      refundId: r.refund_id,
      saleId: r.sale_id,
      kind: r.kind,
      amount: r.amount,
      channel: r.channel,
      note: r.note,
      at: r.at,
      by: r.by_name,
      shiftId: r.shift_id,
      receiptNo: r.receipt_no,
    }));
  }

  /**
   * Sales of a shift that must end before it closes: a part still with Pakasir, or part paid
   * with the rest still due. (A part waiting for the owner's review does not hold the close.)
   */
  blockingShiftClose(shiftId: string): string[] {
    const ids = this.journal.db
      .prepare(
        `SELECT DISTINCT s.sale_id FROM sales s JOIN orders o ON o.sale_id = s.sale_id
          WHERE s.shift_id = ? AND o.state <> 'paid'`,
      )
      .all(shiftId) as { sale_id: string }[];
    return ids
      .map((r) => this.view(r.sale_id))
      .filter((v): v is SaleView => v !== null && (v.state === 'unpaid' || v.parts.some(isLive)))
      .map((v) => v.saleId);
  }

  /** Sales on this till left with the rest due (a split whose QR failed, a crash between parts). */
  unpaid(shiftId: string): SaleView[] {
    const ids = this.journal.db
      .prepare(
        `SELECT s.sale_id FROM sales s WHERE s.shift_id = ? AND EXISTS (
           SELECT 1 FROM orders o WHERE o.sale_id = s.sale_id AND o.state = 'paid')
         ORDER BY s.created_at`,
      )
      .all(shiftId) as { sale_id: string }[];
    return ids.map((r) => this.view(r.sale_id)!).filter((v) => v.state === 'unpaid');
  }
}

function isLive(o: OrderView): boolean {
  return o.state === 'creating' || o.state === 'awaiting_payment';
}
