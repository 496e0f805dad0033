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

/**
 * OrderFilter as a parameterised WHERE clause. `from` and `to` are business days, the same
 * days the daily report and today's totals count (see business-day.ts): from the cutoff hour
 * of `from` to the cutoff hour after `to`, in `timeZone`.
 */
export function filterToSql(filter: OrderFilter, timeZone: string, cutoffHour = 0): SqlPart {
  const clauses: string[] = [];
  const params: unknown[] = [];
  try {
    if (filter.from) {
      clauses.push('created_at >= ?');
      params.push(businessDayBounds(filter.from, cutoffHour, timeZone).start.toISOString());
    }
    if (filter.to) {
      clauses.push('created_at < ?');
      params.push(businessDayBounds(filter.to, cutoffHour, timeZone).end.toISOString());
    }
  } catch (err) {
    throw new PosError('invalid_input', (err as Error).message, [{ path: 'filter', message: (err as Error).message }]);
  }
  if (filter.states && filter.states.length > 0) {
    clauses.push(`state IN (${filter.states.map(() => '?').join(',')})`);
    params.push(...filter.states);
  }
  if (filter.methods && filter.methods.length > 0) {
    clauses.push(`method IN (${filter.methods.map(() => '?').join(',')})`);
    params.push(...filter.methods);
  }
  const search = filter.search?.trim();
  if (search) {
    const pattern = `%${likeEscape(search)}%`;
    const amount = searchedAmount(search);
    if (amount === null) {
      clauses.push("(order_id LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\')");
      params.push(pattern, pattern);
    } else {
      // An amount finds the sales the cashier asked it for, or the customer paid it.
      clauses.push(
        "(order_id LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\' OR coalesce(price, amount) = ? OR total_payment = ?)",
      );
      params.push(pattern, pattern, amount, amount);
    }
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
