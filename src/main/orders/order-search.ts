import type Database from 'better-sqlite3';
import {
  andWhere,
  decodeCursor,
  ftsPhrase,
  partsToSql,
  searchedAmount,
  searchUsesIndex,
  type FilterParts,
  type SqlPart,
} from './order-query';
import type { OrderRow } from './order-row';

/**
 * Past this many matches a search says "more than" instead of counting on: the cashier reads
 * the newest page, and counting 100,000 notes to print the number cost more than the page.
 */
export const SEARCH_COUNT_CAP = 1000;

export interface SearchPage {
  rows: OrderRow[];
  total: number;
  /** More sales match than `total` (which is then SEARCH_COUNT_CAP). */
  capped: boolean;
}

/** From this many matches a page walks the created_at index instead of sorting the matches. */
const WALK_FROM = 500;

/** Candidates read from the trigram index before a text counts as common (then read row by row). */
const CANDIDATES = SEARCH_COUNT_CAP * 2;

const NEWEST_FIRST = 'ORDER BY created_at DESC, order_id DESC';

/** Matches kept as a set (an amount's sales are exact, and may be a few thousand). */
const MAX_SET = 20_000;

/** The distinct trigrams of a text, lower-cased as the trigram tokenizer folds them. */
function trigrams(search: string): string[] {
  const chars = [...search.toLowerCase()];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 1) grams.add(chars.slice(i, i + 3).join(''));
  return [...grams];
}

/** Recent sales read to tell the trigrams every sale has from those that narrow the search. */
const SAMPLE = 200;

/** A trigram in more than this share of the sample costs more to AND than it narrows. */
const COMMON_SHARE = 0.5;

/**
 * The trigrams worth ANDing. An AND advances through every child's list, and a trigram
 * nearly every sale has (an order id's "000", the year's "202") has a list as long as the
 * journal: seeking through it for each candidate was most of a search for an order id's
 * tail. Which trigrams are that common is read from the newest sales (each row's id and note,
 * as the index holds them); the candidates are checked against the whole text afterwards, so
 * leaving a trigram out can only add candidates, never lose a match. Returned rarest first.
 */
function selectiveTrigrams(db: Database.Database, search: string): { selective: string[]; all: string[] } {
  const all = trigrams(search);
  const sample = db
    .prepare(
      'SELECT lower(order_id) AS id, lower(note) AS note FROM orders WHERE rowid > (SELECT max(rowid) FROM orders) - ?',
    )
    .all(SAMPLE) as { id: string; note: string }[];
  const hits = new Map(all.map((g) => [g, sample.filter((r) => r.id.includes(g) || r.note.includes(g)).length]));
  const byRarity = [...all].sort((a, b) => hits.get(a)! - hits.get(b)!);
  const selective = byRarity.filter((g) => hits.get(g)! <= sample.length * COMMON_SHARE);
  return { selective: selective.length > 0 ? selective : byRarity.slice(0, 1), all };
}

/** Trigrams ANDed as FTS5 strings: they name every row that may contain the text. */
function allOf(grams: readonly string[]): string {
  return grams.map(ftsPhrase).join(' AND ');
}

function hasFilters(parts: FilterParts): boolean {
  return !!(parts.start || parts.end || parts.states || parts.methods);
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A text search over the journal in two steps, so its cost follows how many sales match and
 * not how common the letters are. The trigram index first names candidates with an AND of
 * the text's trigrams, not the phrase: an AND advances by the rarest trigram and skips
 * through the common ones (an order id's "000"), where a phrase decodes every position of
 * every trigram. The few candidates are then checked against the text itself. When the
 * trigrams name too many candidates, the text is common: its newest page is found by reading
 * newest first (a match every few rows), and the total says "more than" the cap.
 */
export function searchOrders(
  db: Database.Database,
  parts: FilterParts,
  size: number,
  cursor: string | null | undefined,
): SearchPage {
  const search = parts.search!;
  const matched = searchUsesIndex(search) ? matchingRowids(db, search) : null;
  if (matched === null) return scanPage(db, parts, size, cursor);
  const ids = JSON.stringify(matched.rowids);
  const inSet = 'rowid IN (SELECT value FROM json_each(?))';
  const rest = partsToSql({ ...parts, search: undefined });
  const total = hasFilters(parts)
    ? (
        db.prepare(`SELECT count(*) AS n FROM orders ${andWhere(rest, inSet, ids).where}`).get(...rest.params, ids) as {
          n: number;
        }
      ).n
    : matched.rowids.length;
  let before = rest;
  if (cursor) {
    const c = decodeCursor(cursor);
    before = andWhere(before, '(created_at, order_id) < (?, ?)', c.createdAt, c.orderId);
  }
  const amount = searchedAmount(search);
  // An amount: its page from the indices in page order (amountPageQuery). Otherwise, few
  // matches: read them by rowid and sort them. Many: walk the created_at index newest first
  // and keep the rowids in the set (the index holds the rowid, so no row is read until one
  // matches), which stops at the page's end instead of sorting thousands of rows.
  const part =
    amount !== null
      ? amountPageQuery(before, matched.textMatches, amount, size)
      : andWhere(before, matched.rowids.length < WALK_FROM ? inSet : `+${inSet}`, ids);
  const rows = db
    .prepare(`SELECT * FROM orders ${part.where} ${NEWEST_FIRST} LIMIT ?`)
    .all(...part.params, size + 1) as OrderRow[];
  return { rows, total, capped: false };
}

/**
 * The page of a search that reads as an amount: the newest sales of each way a sale matches
 * it (its id or note holds the text, its price is the amount, or its total paid is), each
 * read newest first and stopped at the page's end, and the page the newest of those. The
 * price and the total paid are read from indices that hold the page's order after the amount
 * (migration 12), so the page costs a few short index reads however many sales share the
 * amount; the walk over every sale it replaced tested some 20,000 at a million sales.
 * `where` holds the filters and the cursor; `textMatches` are the rowids whose text matched.
 */
export function amountPageQuery(where: SqlPart, textMatches: readonly number[], amount: number, size: number): SqlPart {
  const newest = (clause: string, ...params: unknown[]) => {
    const part = andWhere(where, clause, ...params);
    return {
      sql: `SELECT rowid FROM (SELECT rowid FROM orders ${part.where} ${NEWEST_FIRST} LIMIT ?)`,
      params: [...part.params, size + 1],
    };
  };
  const sources = [
    newest('rowid IN (SELECT value FROM json_each(?))', JSON.stringify(textMatches)),
    newest('coalesce(price, amount) = ?', amount),
    newest('total_payment = ?', amount),
  ];
  return {
    where: `WHERE rowid IN (${sources.map((s) => s.sql).join(' UNION ALL ')})`,
    params: sources.flatMap((s) => s.params),
  };
}

interface Matches {
  /** Every matching sale. */
  rowids: number[];
  /** Those whose order id or note holds the text. */
  textMatches: number[];
}

/** Every sale that contains the text (or is for the amount it reads as), or null when more than the cap may. */
function matchingRowids(db: Database.Database, search: string): Matches | null {
  const { selective, all } = selectiveTrigrams(db, search);
  const candidatesOf = (grams: readonly string[]) =>
    db
      .prepare('SELECT rowid FROM orders_search WHERE orders_search MATCH ? LIMIT ?')
      .pluck()
      .all(allOf(grams), CANDIDATES + 1) as number[];
  let candidates = candidatesOf(selective);
  // The sample misjudged (the newest sales are not like the rest): every trigram narrows more.
  if (candidates.length > CANDIDATES && selective.length < all.length) candidates = candidatesOf(all);
  if (candidates.length > CANDIDATES) return null;
  const pattern = likePattern(search);
  const textMatches = db
    .prepare(
      "SELECT rowid FROM orders WHERE rowid IN (SELECT value FROM json_each(?)) AND (order_id LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\')",
    )
    .pluck()
    .all(JSON.stringify(candidates), pattern, pattern) as number[];
  const amount = searchedAmount(search);
  if (amount === null) return { rowids: textMatches, textMatches };
  // An amount finds the sales the cashier asked it for, or the customer paid it. UNION ALL
  // and a Set: SQLite's UNION sorted every rowid into a temporary b-tree to drop the few
  // sales found twice (half the time of an amount's 2,500 matches). The limit counts those
  // twice, so a set near the cap may fall back to reading row by row: slower, never wrong.
  const byAmount = db
    .prepare(
      'SELECT rowid FROM orders WHERE coalesce(price, amount) = ? UNION ALL SELECT rowid FROM orders WHERE total_payment = ? LIMIT ?',
    )
    .pluck()
    .all(amount, amount, MAX_SET + 1) as number[];
  if (byAmount.length + textMatches.length > MAX_SET) return null;
  return { rowids: [...new Set([...textMatches, ...byAmount])], textMatches };
}

/** A page without a text search: newest first through the created_at index, the total from the day counts. */
export function filteredPage(
  db: Database.Database,
  parts: FilterParts,
  size: number,
  cursor: string | null | undefined,
  count: () => number,
): SearchPage {
  let part = partsToSql(parts);
  if (cursor) {
    const c = decodeCursor(cursor);
    part = andWhere(part, '(created_at, order_id) < (?, ?)', c.createdAt, c.orderId);
  }
  const rows = db
    .prepare(`SELECT * FROM orders ${part.where} ${NEWEST_FIRST} LIMIT ?`)
    .all(...part.params, size + 1) as OrderRow[];
  return { rows, total: count(), capped: false };
}

/** A common text (or one too short for the index): newest first, row by row, and a capped count. */
function scanPage(
  db: Database.Database,
  parts: FilterParts,
  size: number,
  cursor: string | null | undefined,
): SearchPage {
  const where: SqlPart = partsToSql(parts, 'scan');
  const search = parts.search!;
  // The count stops at the cap: from the index when it can answer alone (a common text
  // reaches the cap within a few thousand entries), else row by row within the filters.
  const counter =
    !hasFilters(parts) && searchUsesIndex(search) && searchedAmount(search) === null
      ? { sql: 'SELECT 1 FROM orders_search WHERE orders_search MATCH ?', params: [ftsPhrase(search)] }
      : { sql: `SELECT 1 FROM orders ${where.where}`, params: where.params };
  const counted = (
    db.prepare(`SELECT count(*) AS n FROM (${counter.sql} LIMIT ?)`).get(...counter.params, SEARCH_COUNT_CAP + 1) as {
      n: number;
    }
  ).n;
  let part = where;
  if (cursor) {
    const c = decodeCursor(cursor);
    part = andWhere(part, '(created_at, order_id) < (?, ?)', c.createdAt, c.orderId);
  }
  const rows = db
    .prepare(`SELECT * FROM orders ${part.where} ${NEWEST_FIRST} LIMIT ?`)
    .all(...part.params, size + 1) as OrderRow[];
  return {
    rows,
    total: Math.min(counted, SEARCH_COUNT_CAP),
    capped: counted > SEARCH_COUNT_CAP,
  };
}
