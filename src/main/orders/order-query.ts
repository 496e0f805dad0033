import type { OrderFilter } from '@shared/domain';
import { PosError } from '@shared/errors';
import { businessDayBounds } from './local-time';

export interface SqlPart {
  where: string;
  params: unknown[];
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A search that reads as a rupiah amount: "25000", "25.000", "Rp 25.000" or "25,000"
 * (thousands grouped by dots or commas, never decimals). null for anything else.
 */
export function searchedAmount(text: string): number | null {
  const t = text.trim().replace(/^rp\.?\s*/i, '');
  if (!/^(\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+|\d+)$/.test(t)) return null;
  const n = Number(t.replace(/[.,]/g, ''));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A filter with its business days turned into UTC instants (ISO text, as created_at is stored). */
export interface FilterParts {
  start?: string;
  end?: string;
  states?: readonly string[];
  methods?: readonly string[];
  /** Trimmed; absent when empty. */
  search?: string;
}

/**
 * `from` and `to` are business days, the same days the daily report and today's totals count
 * (see business-day.ts): from the cutoff hour of `from` to the cutoff hour after `to`, in
 * `timeZone`.
 */
export function filterParts(filter: OrderFilter, timeZone: string, cutoffHour = 0): FilterParts {
  const parts: FilterParts = {};
  try {
    if (filter.from) parts.start = businessDayBounds(filter.from, cutoffHour, timeZone).start.toISOString();
    if (filter.to) parts.end = businessDayBounds(filter.to, cutoffHour, timeZone).end.toISOString();
  } catch (err) {
    throw new PosError('invalid_input', (err as Error).message, [{ path: 'filter', message: (err as Error).message }]);
  }
  if (filter.states && filter.states.length > 0) parts.states = filter.states;
  if (filter.methods && filter.methods.length > 0) parts.methods = filter.methods;
  const search = filter.search?.trim();
  if (search) parts.search = search;
  return parts;
}

/**
 * How a text search finds its rows. `index`: the trigram index names the matching rows, the
 * cost grows with how many match. `scan`: the rows are read newest first and tested one by
 * one, the cost grows with how far back the page lies; cheaper for a page of a common text.
 */
export type SearchPlan = 'index' | 'scan';

/** The trigram index answers texts of three characters or more; shorter ones are read row by row. */
export function searchUsesIndex(search: string): boolean {
  return [...search].length >= 3;
}

/** The search text as one FTS5 phrase: with trigrams, a phrase is "contains this text". */
export function ftsPhrase(search: string): string {
  return `"${search.replace(/"/g, '""')}"`;
}

function searchClause(search: string, plan: SearchPlan): SqlPart {
  const amount = searchedAmount(search);
  if (plan === 'index' && searchUsesIndex(search)) {
    const sources = ['SELECT rowid FROM orders_search WHERE orders_search MATCH ?'];
    const params: unknown[] = [ftsPhrase(search)];
    if (amount !== null) {
      // An amount finds the sales the cashier asked it for, or the customer paid it.
      sources.push(
        'SELECT rowid FROM orders WHERE coalesce(price, amount) = ?',
        'SELECT rowid FROM orders WHERE total_payment = ?',
      );
      params.push(amount, amount);
    }
    return { where: `rowid IN (${sources.join(' UNION ALL ')})`, params };
  }
  const pattern = `%${likeEscape(search)}%`;
  if (amount === null) {
    return { where: "(order_id LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\')", params: [pattern, pattern] };
  }
  return {
    where:
      "(order_id LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\' OR coalesce(price, amount) = ? OR total_payment = ?)",
    params: [pattern, pattern, amount, amount],
  };
}

/** FilterParts as a parameterised WHERE clause. */
export function partsToSql(parts: FilterParts, plan: SearchPlan = 'index'): SqlPart {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (parts.start) {
    clauses.push('created_at >= ?');
    params.push(parts.start);
  }
  if (parts.end) {
    clauses.push('created_at < ?');
    params.push(parts.end);
  }
  if (parts.states) {
    clauses.push(`state IN (${parts.states.map(() => '?').join(',')})`);
    params.push(...parts.states);
  }
  if (parts.methods) {
    clauses.push(`method IN (${parts.methods.map(() => '?').join(',')})`);
    params.push(...parts.methods);
  }
  if (parts.search) {
    const search = searchClause(parts.search, plan);
    clauses.push(search.where);
    params.push(...search.params);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Opaque keyset cursor: the (created_at, order_id) of the last row of the previous page. */
export function encodeCursor(createdAt: string, orderId: string): string {
  return Buffer.from(JSON.stringify([createdAt, orderId]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; orderId: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { createdAt: value[0], orderId: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new PosError('invalid_input', 'The history page cursor is not valid; reload the list.', [
    { path: 'cursor', message: 'invalid' },
  ]);
}

export function andWhere(part: SqlPart, clause: string, ...params: unknown[]): SqlPart {
  return {
    where: part.where ? `${part.where} AND ${clause}` : `WHERE ${clause}`,
    params: [...part.params, ...params],
  };
}
