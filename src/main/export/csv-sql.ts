import { EXPORT_COLUMNS, type ExportColumn } from '@shared/export-columns';
import { SALE_METHODS } from '@shared/methods';
import {
  itemsConcat,
  ITEMS_OF_SALE,
  literal,
  localTimeSql as local,
  PAID_SQL as PAID,
  TOTAL_PAID_SQL as TOTAL_PAID,
} from './sql-text';
import type { OffsetSpan } from './zone-offsets';

/**
 * One CSV record per sale, written by SQLite itself: the journal hands JavaScript one string
 * per row instead of seventeen values, which is what makes a million-row export take seconds
 * (the sqlite3 shell's own way). The record is one concat() of its fields: chained `||`
 * copied the growing record once per field and separator (about 35 copies a row, a fifth of
 * a million-row export); concat() sizes it once and reads a NULL as the empty field.
 * It must give the same bytes as csv-stringify did (a test holds the two side by side): a
 * field is quoted when it holds a quote, the delimiter or a line break; quotes are doubled;
 * a text starting with = + - @ tab or CR (or their full-width forms) gets a leading
 * apostrophe so a spreadsheet does not run it as a formula. Built only from constants here,
 * never from user input.
 */

const FORMULA_STARTS = ['-', '=', '+', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

const formulaStarts = FORMULA_STARTS.map((c) => (c === '\t' ? 'char(9)' : c === '\r' ? 'char(13)' : literal(c))).join(
  ', ',
);

/** GLOB classes: the characters that force quoting, and those a formula starts with ('-' first, so it is literal). */
const quoteClass = (delimiter: string): string => `["${delimiter}\n\r]`;
const formulaClass = `[${FORMULA_STARTS.join('')}]`;

function text(expr: string, delimiter: string): string {
  const quote = `(instr(${expr}, '"') > 0 OR instr(${expr}, ${literal(delimiter)}) > 0 OR instr(${expr}, char(10)) > 0 OR instr(${expr}, char(13)) > 0)`;
  const guard = `CASE WHEN substr(${expr}, 1, 1) IN (${formulaStarts}) THEN '''' ELSE '' END`;
  // Nearly every value needs nothing: one GLOB pass tells those apart before the full rules.
  const plain = `NOT (${expr} GLOB ${literal(`*${quoteClass(delimiter)}*`)} OR ${expr} GLOB ${literal(`${formulaClass}*`)})`;
  return `CASE WHEN ${expr} IS NULL THEN '' WHEN ${plain} THEN ${expr} WHEN ${quote} THEN '"' || ${guard} || replace(${expr}, '"', '""') || '"' ELSE ${guard} || ${expr} END`;
}

/**
 * The method's word as it is when it is one the app writes (CSV-safe: lower-case letters and
 * '_'), quoted by the full rules otherwise (a journal from another version). An IN over
 * constants is one look-up, cheaper than the two GLOB passes over every value.
 */
function methodField(delimiter: string): string {
  return `CASE WHEN method IN (${SALE_METHODS.map(literal).join(', ')}) THEN method ELSE ${text('method', delimiter)} END`;
}

/**
 * What was sold, quoted inside the subquery: SQLite computes the one group_concat() once
 * however often the quoting tests name it, so the sale's lines are read once per record
 * (text() around the subquery ran it up to four times). The text starts with a quantity, so
 * it never needs the formula guard; a sale without lines gives the empty field.
 */
function itemsField(delimiter: string): string {
  const lines = itemsConcat();
  const quote = `${lines} GLOB ${literal(`*${quoteClass(delimiter)}*`)}`;
  const field = `(SELECT CASE WHEN ${quote} THEN '"' || replace(${lines}, '"', '""') || '"' ELSE ${lines} END ${ITEMS_OF_SALE})`;
  // An amount-only sale is one index probe: the aggregate with its sort costs more even over no lines.
  return `CASE WHEN EXISTS (SELECT 1 ${ITEMS_OF_SALE}) THEN ${field} ELSE '' END`;
}

/** The SQL expression giving one CSV record, ended by CRLF, per orders row. */
export function csvRecordSql(delimiter: ';' | ',', spans: readonly OffsetSpan[]): string {
  const field: Record<ExportColumn, string> = {
    // Order ids are [A-Za-z0-9_-] (ORDER_ID_PATTERN): only a leading '-' needs the guard.
    order_id: `CASE WHEN substr(order_id, 1, 1) = '-' THEN '''' || order_id ELSE order_id END`,
    created_local: local('created_at', spans),
    // Written by the app with toISOString(): digits, '-', ':', '.', 'T', 'Z'.
    created_iso: 'created_at',
    completed_local: `CASE WHEN ${PAID} THEN ${local('paid_at', spans)} END`,
    // A gateway's completion time is normalised to ISO on arrival (answer-fields.ts), like every time the app writes.
    completed_iso: `CASE WHEN ${PAID} THEN paid_at END`,
    method: methodField(delimiter),
    price: 'coalesce(price, amount)',
    amount: 'amount',
    fee: 'fee',
    total_paid: `CASE WHEN ${PAID} THEN ${TOTAL_PAID} END`,
    shop_receives: `CASE WHEN ${PAID} THEN ${TOTAL_PAID} - coalesce(fee, 0) END`,
    // Both are words from a CHECK constraint: nothing to quote.
    fee_payer: "coalesce(fee_payer, 'customer')",
    status: 'state',
    note: text('note', delimiter),
    // TERMINAL_PREFIX_PATTERN: letters and digits.
    terminal: 'terminal',
    sandbox: "CASE WHEN sandbox = 1 THEN 'true' ELSE 'false' END",
    gateway_txn_id: text('txn_id', delimiter),
    items: itemsField(delimiter),
  };
  return `concat(${EXPORT_COLUMNS.map((c) => field[c]).join(`, ${literal(delimiter)}, `)}, char(13, 10))`;
}

/** The header record, as csv-stringify writes it (column names need no quoting). */
export function csvHeader(delimiter: ';' | ','): string {
  return EXPORT_COLUMNS.join(delimiter);
}
