import type { Pool } from 'pg';
import type { OwnerOrderFilter, OwnerOrderPage, OwnerOrderRow } from '@shared/owner/contract';
import { dayBounds, type DayRules } from '../reports/day-bounds';

interface Row {
  till_id: string;
  till_name: string;
  order_id: string;
  state: OwnerOrderRow['state'];
  method: OwnerOrderRow['method'];
  price: number | null;
  amount: number;
  fee: number | null;
  total_payment: number | null;
  fee_payer: OwnerOrderRow['feePayer'];
  note: string | null;
  sandbox: boolean;
  txn_id: string | null;
  created_at: Date;
  paid_at: Date | null;
  sale_id: string | null;
  cash_tendered: number | null;
  cash_change: number | null;
}

function toRow(r: Row): OwnerOrderRow {
  return {
    tillId: r.till_id,
    tillName: r.till_name,
    orderId: r.order_id,
    state: r.state,
    method: r.method,
    price: r.price,
    amount: r.amount,
    fee: r.fee,
    totalPayment: r.total_payment,
    feePayer: r.fee_payer,
    note: r.note ?? '',
    sandbox: r.sandbox,
    txnId: r.txn_id,
    createdAt: r.created_at.toISOString(),
    paidAt: r.paid_at?.toISOString() ?? null,
    saleId: r.sale_id,
    cashTendered: r.cash_tendered,
    cashChange: r.cash_change,
  };
}

/** The keyset position of a row: newest first, then till, then order id (unique together). */
interface Position {
  createdAt: string;
  tillId: string;
  orderId: string;
}

export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.createdAt, p.tillId, p.orderId])).toString('base64url');
}

export class CursorError extends Error {}

export function decodeCursor(cursor: string): Position {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 3 &&
      v.every((x) => typeof x === 'string') &&
      Number.isFinite(Date.parse(v[0] as string)) &&
      /^[0-9a-f-]{36}$/.test(v[1] as string)
    )
      return { createdAt: v[0] as string, tillId: v[1] as string, orderId: v[2] as string };
  } catch {
    // falls through to the error below
  }
  throw new CursorError('cursor is not one this server gave');
}

/** `%`, `_` and `\` typed by the owner are searched for as themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One WHERE clause for the history, its count and its exports, so an export holds exactly
 * the rows the page lists. The search looks in the order id, the note, Pakasir's
 * transaction id and the till's name.
 */
async function whereClause(
  pool: Pool,
  filter: OwnerOrderFilter,
  rules: DayRules,
): Promise<{ sql: string; params: unknown[] }> {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    parts.push(sql(params.length));
  };
  if (filter.day) {
    const { start, end } = await dayBounds(pool, filter.day, rules);
    add((n) => `o.created_at >= $${n}`, start);
    add((n) => `o.created_at < $${n}`, end);
  }
  if (filter.tillId) add((n) => `o.till_id = $${n}::uuid`, filter.tillId);
  if (filter.state) add((n) => `o.state = $${n}`, filter.state);
  if (filter.method) add((n) => `o.method = $${n}`, filter.method);
  if (filter.search)
    add(
      (n) =>
        `(o.order_id ILIKE $${n} OR o.snapshot->>'note' ILIKE $${n} OR o.txn_id ILIKE $${n} OR t.name ILIKE $${n})`,
      likePattern(filter.search),
    );
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const COLUMNS = `o.till_id, t.name AS till_name, o.order_id, o.state, o.method, o.price, o.amount, o.fee, o.total_payment,
  o.fee_payer, o.snapshot->>'note' AS note, o.sandbox, o.txn_id, o.created_at, o.paid_at, o.sale_id, o.cash_tendered,
  o.cash_change`;
const FROM = 'FROM shop.orders o JOIN shop.tills t ON t.id = o.till_id';
const ORDER = 'ORDER BY o.created_at DESC, o.till_id DESC, o.order_id DESC';

async function page(
  pool: Pool,
  where: { sql: string; params: unknown[] },
  after: Position | null,
  limit: number,
): Promise<OwnerOrderRow[]> {
  const params = [...where.params];
  let sql = where.sql;
  if (after) {
    params.push(after.createdAt, after.tillId, after.orderId);
    const n = params.length;
    const keyset = `(o.created_at, o.till_id, o.order_id) < ($${n - 2}::timestamptz, $${n - 1}::uuid, $${n})`;
    sql = sql ? `${sql} AND ${keyset}` : `WHERE ${keyset}`;
  }
  params.push(limit);
  const r = await pool.query<Row>(`SELECT ${COLUMNS} ${FROM} ${sql} ${ORDER} LIMIT $${params.length}`, params);
  return r.rows.map(toRow);
}

/** One page of the history over every till, newest first, with the count the filter matches. */
export async function listShopOrders(
  pool: Pool,
  input: OwnerOrderFilter & { cursor?: string | undefined; limit: number },
  rules: DayRules,
): Promise<OwnerOrderPage> {
  const where = await whereClause(pool, input, rules);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const [items, total] = await Promise.all([page(pool, where, after, input.limit + 1), count(pool, where)]);
  const more = items.length > input.limit;
  const shown = more ? items.slice(0, input.limit) : items;
  const last = shown.at(-1);
  return {
    items: shown,
    nextCursor: more && last ? encodeCursor(last) : null,
    total,
  };
}

async function count(pool: Pool, where: { sql: string; params: unknown[] }): Promise<number> {
  const r = await pool.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} ${where.sql}`, where.params);
  return r.rows[0]!.n;
}

/** How many rows the filter matches: the history's total, and the rows of its export. */
export async function countShopOrders(pool: Pool, filter: OwnerOrderFilter, rules: DayRules): Promise<number> {
  return count(pool, await whereClause(pool, filter, rules));
}

/**
 * Every row the filter matches, in the history's order, a batch at a time: an export of a
 * year over ten tills never sits in memory at once.
 */
export async function* eachShopOrder(
  pool: Pool,
  filter: OwnerOrderFilter,
  rules: DayRules,
  batch = 1000,
): AsyncGenerator<OwnerOrderRow> {
  const where = await whereClause(pool, filter, rules);
  let after: Position | null = null;
  for (;;) {
    const rows = await page(pool, where, after, batch);
    yield* rows;
    if (rows.length < batch) return;
    after = rows.at(-1)!;
  }
}
