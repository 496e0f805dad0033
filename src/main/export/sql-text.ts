import type { OffsetSpan } from './zone-offsets';

/** A SQL text literal. Only for constants written in this code, never for user input. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * "YYYY-MM-DD HH:MM:SS" in the shop's zone ('' when the instant is NULL): the UTC text
 * shifted by the zone's offset at that instant (see zone-offsets.ts). datetime() drops the
 * milliseconds as formatLocal does.
 */
export function localTimeSql(expr: string, spans: readonly OffsetSpan[]): string {
  const shift = (offsetS: number) => `datetime(${expr}, '${offsetS >= 0 ? '+' : ''}${offsetS} seconds')`;
  const changes = spans.slice(1).reverse();
  if (changes.length === 0) return `coalesce(${shift(spans[0]!.offsetS)}, '')`;
  const whens = changes.map((s) => `WHEN ${expr} >= '${new Date(s.from).toISOString()}' THEN ${shift(s.offsetS)}`);
  return `coalesce(CASE ${whens.join(' ')} ELSE ${shift(spans[0]!.offsetS)} END, '')`;
}

/** Sale columns both exports derive the same way (see toExportRow). */
export const PAID_SQL = "state = 'paid'";
export const TOTAL_PAID_SQL = 'coalesce(total_payment, amount + coalesce(fee, 0))';

/**
 * What was sold, as itemsText() writes it: "2 x Kopi susu @ 18000; 1 x Roti @ 9000" (the
 * sale's lines in order), an aggregate over ITEMS_OF_SALE; NULL for an amount-only sale.
 * `name` may wrap the item's name (the sheet escapes it there). The text starts with a
 * quantity and ends with a price (CHECKs in migration 008: both at least 1), so it never
 * starts with a formula character or white space.
 */
export function itemsConcat(name = 'name'): string {
  return `group_concat(qty || ' x ' || ${name} || ' @ ' || unit_price, '; ' ORDER BY line_no)`;
}

export const ITEMS_OF_SALE = 'FROM sale_items WHERE sale_id = orders.order_id';

/** The sale's lines as one correlated subquery: SQLite runs it each time an expression names it. */
export function itemsSql(name = 'name'): string {
  return `(SELECT ${itemsConcat(name)} ${ITEMS_OF_SALE})`;
}
