import type Database from 'better-sqlite3';
import { ftsPhrase, partsToSql, searchUsesIndex, searchedAmount, type FilterParts } from './order-query';

/** created_at is ISO text from toISOString(): a UTC day starts at this suffix. */
const MIDNIGHT = 'T00:00:00.000Z';

function nextUtcDay(day: string): string {
  return new Date(Date.parse(`${day}${MIDNIGHT}`) + 86_400_000).toISOString().slice(0, 10);
}

function inList(column: string, values: readonly string[] | undefined, params: unknown[]): string[] {
  if (!values) return [];
  params.push(...values);
  return [`${column} IN (${values.map(() => '?').join(',')})`];
}

/**
 * How many sales match a filter, without counting a million rows. Whole UTC days come from
 * `order_counts` (kept by triggers, see migration 9); the partial day at either end of the
 * range, a business day starting at the shop's cutoff in its zone, is counted row by row
 * through the created_at index. A text search is counted from the trigram index.
 */
export class OrderCounter {
  constructor(private readonly db: Database.Database) {}

  count(parts: FilterParts): number {
    if (parts.search) return this.countSearch(parts);
    const { start, end } = parts;
    const firstFull =
      start === undefined ? undefined : start.endsWith(MIDNIGHT) ? start.slice(0, 10) : nextUtcDay(start.slice(0, 10));
    const endDay = end?.slice(0, 10);
    if (firstFull !== undefined && endDay !== undefined && firstFull >= endDay) return this.countRows(parts);
    let n = this.countBuckets(parts, firstFull, endDay);
    if (start !== undefined && firstFull !== undefined && start !== `${firstFull}${MIDNIGHT}`) {
      n += this.countRows({ ...parts, start, end: `${firstFull}${MIDNIGHT}` });
    }
    if (end !== undefined && endDay !== undefined && end !== `${endDay}${MIDNIGHT}`) {
      n += this.countRows({ ...parts, start: `${endDay}${MIDNIGHT}`, end });
    }
    return n;
  }

  /** Days in [fromDay, toDay): whole UTC days only. */
  private countBuckets(parts: FilterParts, fromDay: string | undefined, toDay: string | undefined): number {
    const params: unknown[] = [];
    const clauses: string[] = [];
    if (fromDay !== undefined) {
      clauses.push('day >= ?');
      params.push(fromDay);
    }
    if (toDay !== undefined) {
      clauses.push('day < ?');
      params.push(toDay);
    }
    clauses.push(...inList('state', parts.states, params), ...inList('method', parts.methods, params));
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const row = this.db.prepare(`SELECT coalesce(sum(n), 0) AS n FROM order_counts ${where}`).get(...params) as {
      n: number;
    };
    return row.n;
  }

  private countRows(parts: FilterParts): number {
    const sql = partsToSql(parts);
    return (this.db.prepare(`SELECT count(*) AS n FROM orders ${sql.where}`).get(...sql.params) as { n: number }).n;
  }

  private countSearch(parts: FilterParts): number {
    const search = parts.search!;
    const onlySearch = !parts.start && !parts.end && !parts.states && !parts.methods;
    if (onlySearch && searchUsesIndex(search) && searchedAmount(search) === null) {
      // Every index entry is one sale: the index alone answers, no row is read.
      return (
        this.db
          .prepare('SELECT count(*) AS n FROM orders_search WHERE orders_search MATCH ?')
          .get(ftsPhrase(search)) as {
          n: number;
        }
      ).n;
    }
    return this.countRows(parts);
  }
}
