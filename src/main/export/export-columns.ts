import { EXPORT_COLUMNS, paidColumns, type ExportColumn } from '@shared/export-columns';
import type { SaleLineView } from '@shared/items';
import type { OrderRecord } from '../orders/order-store';
import { formatLocal } from '../orders/local-time';

export type ExportValue = string | number | boolean | null;
export type ExportRow = Record<ExportColumn, ExportValue>;

/**
 * Built from the journal row only: the journal holds no secret, so an export cannot leak the
 * API key. price is what the cashier asked, amount what was sent to Pakasir (lower when the customer
 * paid the round price). total_paid is what the customer paid and shop_receives what reached
 * the shop (total_paid - fee); both are only filled for paid sales, so their sums equal the
 * daily report's gross and net. fee is Pakasir's quote, kept for every sale that has one.
 * items lists what was sold as it was sold ("2 x Kopi susu @ 18000; 1 x Roti @ 9000"), empty
 * for an amount-only sale.
 */
export function toExportRow(o: OrderRecord, timeZone: string, lines: readonly SaleLineView[] = []): ExportRow {
  const { completed, totalPaid, shopReceives } = paidColumns(o);
  return {
    order_id: o.orderId,
    created_local: formatLocal(o.createdAt, timeZone),
    created_iso: o.createdAt,
    completed_local: formatLocal(completed, timeZone),
    completed_iso: completed ?? '',
    method: o.method,
    price: o.price,
    amount: o.amount,
    fee: o.fee,
    total_paid: totalPaid,
    shop_receives: shopReceives,
    fee_payer: o.feePayer,
    status: o.state,
    note: o.note,
    terminal: o.terminal,
    sandbox: o.sandbox,
    gateway_txn_id: o.txnId ?? '',
    items: itemsText(lines),
  };
}

export function itemsText(lines: readonly SaleLineView[]): string {
  return lines.map((l) => `${l.qty} x ${l.name} @ ${l.unitPrice}`).join('; ');
}

export function rowValues(row: ExportRow): ExportValue[] {
  return EXPORT_COLUMNS.map((c) => row[c]);
}
