import { EXPORT_COLUMNS, type ExportColumn } from '@shared/export-columns';
import { FEE_PAYERS } from '@shared/fees';
import { PAYMENT_METHODS } from '@shared/methods';
import { ORDER_STATES } from '@shared/order-state';
import { ITEMS_OF_SALE, itemsSql, literal, localTimeSql, PAID_SQL, TOTAL_PAID_SQL } from './sql-text';
import type { OffsetSpan } from './zone-offsets';

/**
 * One worksheet row per sale, as XML written by SQLite (the CSV export's way, see
 * csv-sql.ts). Cells are typed as the workbook writer typed them before: text as inline
 * strings, numbers as numbers (amount, fee and total paid with thousands grouping), sandbox
 * as a boolean; an empty value is a blank cell. Text is XML-escaped and loses the control
 * characters XML cannot hold, as exceljs did.
 *
 * A cell that may be blank is an expression that is NULL then (`||` with NULL is NULL), and the
 * row is one concat() of its cells, which skips NULLs: SQLite builds the row in one allocation
 * instead of copying it once per `||` and testing every value in a CASE of its own. Row
 * numbers are not known to SQLite: every cell reference ends in ROW_MARK repeated to the width
 * of the sheet's last row number, which the export's reader thread overwrites in place with
 * the number (see text-reader-thread.ts; XML text never holds that character, since it is
 * removed from values here). The `<row>` element carries its number too: the standard makes
 * it optional, but some readers (exceljs's workbook reader among them) refuse a sheet whose
 * rows have none.
 */

export const ROW_MARK = '\u0001';

/** The sheet's first row of sales: row 1 is the header, as SHEET_DATA_ROWS counts. */
export const FIRST_SALE_ROW = 2;

/** How many digits the row numbers of a sheet of `total` sales take at most. */
export function rowNumberWidth(total: number): number {
  return String(FIRST_SALE_ROW + Math.max(total, 1) - 1).length;
}

/**
 * The words the app writes from fixed lists (payment method, sale state, who pays the fee),
 * kept once in the workbook's shared strings (as spreadsheets store text): each such cell
 * names its word's index instead of carrying it inline, which makes the sheet's rows about
 * 8 % smaller and cheaper to build. A value outside the lists (a journal from another
 * version) is still written inline, escaped.
 */
export const SHARED_STRINGS: readonly string[] = [...new Set([...PAYMENT_METHODS, ...ORDER_STATES, ...FEE_PAYERS])];

/** Style indices in styles.xml (xlsx-parts.ts): 1 bold header, 2 thousands-grouped number. */
export const STYLE_HEADER = 1;
export const STYLE_GROUPED = 2;

// Control characters XML 1.0 cannot hold (NUL aside: SQLite text from the app never carries it).
const CONTROL = [...Array.from({ length: 31 }, (_, i) => i + 1).filter((c) => c !== 9 && c !== 10 && c !== 13), 127];

/** What XML counts as white space: a text with it at either end must be marked to keep it. */
const WHITE_SPACE = ' \t\n\r';

/** The column letter of each export column, from A (fewer than 27 columns). */
export function columnLetter(column: ExportColumn): string {
  return String.fromCharCode(65 + EXPORT_COLUMNS.indexOf(column));
}

/**
 * A cell's start, up to its other attributes: the reference's marks are closed by the quote
 * right after them, which is what the reader thread numbers in place (RowNumbering).
 */
function cellStart(mark: string, column: ExportColumn): string {
  return `<c r="${columnLetter(column)}${mark}"`;
}

/** CONTROL as GLOB ranges: each character of a value is tested against every entry of the class. */
const CONTROL_CLASS = '\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f';

function escaped(expr: string): string {
  let clean = expr;
  for (const c of CONTROL) clean = `replace(${clean}, char(${c}), '')`;
  clean = `replace(replace(replace(${clean}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
  // Nearly every value needs nothing: one GLOB pass tells those apart.
  return `CASE WHEN ${expr} GLOB ${literal(`*[&<>${CONTROL_CLASS}]*`)} THEN ${clean} ELSE ${expr} END`;
}

/**
 * A cell as arguments of the row's concat(). A cell that may be blank is one expression (NULL
 * leaves the cell out). A cell that is never blank is its pieces side by side: concat() copies
 * each piece once into the row, where `||` would build a string per piece first. That took a
 * sixth of SQLite's time for the sheet (about 600 → 500 ms for 100,000 sales). Fixed text is
 * kept apart so neighbouring pieces become one literal (see rowSql).
 */
type Piece = { text: string } | { sql: string };

const text = (t: string): Piece => ({ text: t });
const sql = (expr: string): Piece => ({ sql: expr });

/**
 * A text cell, or no cell when the value is NULL or empty. Only a value that starts or ends
 * with white space is marked to keep it (xml:space="preserve"; without the mark a spreadsheet
 * may trim it): on every text cell the mark added about 60 bytes to a row, and every byte of
 * the sheet is encoded, checksummed and compressed.
 */
function textCell(mark: string, column: ExportColumn, expr: string): Piece[] {
  const open = `${cellStart(mark, column)} t="inlineStr"><is>`;
  const value = `nullif(${expr}, '')`;
  // One trim() in C instead of two GLOB passes over the value.
  const trimmed = `trim(${value}, ${literal(WHITE_SPACE)})`;
  const tag = `CASE WHEN ${trimmed} <> ${value} THEN '<t xml:space="preserve">' ELSE '<t>' END`;
  return [sql(`${literal(open)} || ${tag} || ${escaped(value)} || '</t></is></c>'`)];
}

/**
 * For values the app writes in a fixed alphabet (ids, ISO times, CHECK-constrained words):
 * nothing to escape. paid_at is one: a gateway's completion time is normalised to ISO on
 * arrival (answer-fields.ts), like every time the app writes. `always` says the value is
 * never NULL nor empty (a NOT NULL column the app always fills).
 */
function plainCell(mark: string, column: ExportColumn, expr: string, always = false): Piece[] {
  const open = `${cellStart(mark, column)} t="inlineStr"><is><t>`;
  if (always) return [text(open), sql(expr), text('</t></is></c>')];
  return [sql(`${literal(open)} || nullif(${expr}, '') || '</t></is></c>'`)];
}

/**
 * The sale's lines with each name escaped inside the subquery: the text starts with a
 * quantity and ends with a price, so it never needs the white-space mark. An amount-only sale
 * gets no cell after one index probe (as in the CSV): the aggregate costs more even over no lines.
 */
function itemsCell(mark: string): Piece[] {
  const open = `${cellStart(mark, 'items')} t="inlineStr"><is><t>`;
  const cell = `${literal(open)} || ${itemsSql(escaped('name'))} || '</t></is></c>'`;
  return [sql(`CASE WHEN EXISTS (SELECT 1 ${ITEMS_OF_SALE}) THEN ${cell} END`)];
}

/**
 * A word from `words` as a whole cell naming its shared-string index (one literal per word:
 * nothing to build), or `fallback` (the inline cell) for any other value.
 */
function sharedCell(
  mark: string,
  column: ExportColumn,
  expr: string,
  words: readonly string[],
  fallback: Piece[],
): Piece[] {
  const cell = (w: string) => literal(`${cellStart(mark, column)} t="s"><v>${SHARED_STRINGS.indexOf(w)}</v></c>`);
  return [
    sql(
      `CASE ${expr} ${words.map((w) => `WHEN ${literal(w)} THEN ${cell(w)}`).join(' ')} ELSE ${rowSql(fallback)} END`,
    ),
  ];
}

/** A number cell; `always` says the value is never NULL. */
function numberCell(mark: string, column: ExportColumn, expr: string, grouped: boolean, always = false): Piece[] {
  const open = `${cellStart(mark, column)}${grouped ? ` s="${STYLE_GROUPED}"` : ''}><v>`;
  if (always) return [text(open), sql(expr), text('</v></c>')];
  return [sql(`${literal(open)} || ${expr} || '</v></c>'`)];
}

/** One concat() of the pieces, neighbouring fixed texts joined into one literal. */
function rowSql(pieces: readonly Piece[]): string {
  const args: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    if ('text' in piece) pending += piece.text;
    else {
      if (pending) args.push(literal(pending));
      pending = '';
      args.push(piece.sql);
    }
  }
  if (pending) args.push(literal(pending));
  return `concat(${args.join(', ')})`;
}

/**
 * The SQL expression giving one `<row>` element per orders row, each row number written as
 * ROW_MARK repeated `width` times (rowNumberWidth).
 */
export function xlsxRowSql(spans: readonly OffsetSpan[], width: number): string {
  const mark = ROW_MARK.repeat(width);
  const paid = (expr: string) => `CASE WHEN ${PAID_SQL} THEN ${expr} END`;
  const sandbox = (v: 0 | 1) => literal(`${cellStart(mark, 'sandbox')} t="b"><v>${v}</v></c>`);
  const cell: Record<ExportColumn, Piece[]> = {
    order_id: plainCell(mark, 'order_id', 'order_id', true),
    created_local: plainCell(mark, 'created_local', localTimeSql('created_at', spans), true),
    created_iso: plainCell(mark, 'created_iso', 'created_at', true),
    completed_local: plainCell(mark, 'completed_local', paid(localTimeSql('paid_at', spans))),
    completed_iso: plainCell(mark, 'completed_iso', paid('paid_at')),
    method: sharedCell(mark, 'method', 'method', PAYMENT_METHODS, textCell(mark, 'method', 'method')),
    price: numberCell(mark, 'price', 'coalesce(price, amount)', false, true),
    amount: numberCell(mark, 'amount', 'amount', true, true),
    fee: numberCell(mark, 'fee', 'fee', true),
    total_paid: numberCell(mark, 'total_paid', paid(TOTAL_PAID_SQL), true),
    shop_receives: numberCell(mark, 'shop_receives', paid(`${TOTAL_PAID_SQL} - coalesce(fee, 0)`), false),
    fee_payer: sharedCell(
      mark,
      'fee_payer',
      "coalesce(fee_payer, 'customer')",
      FEE_PAYERS,
      plainCell(mark, 'fee_payer', 'fee_payer'),
    ),
    status: sharedCell(mark, 'status', 'state', ORDER_STATES, plainCell(mark, 'status', 'state')),
    note: textCell(mark, 'note', 'note'),
    terminal: plainCell(mark, 'terminal', 'terminal', true),
    // CHECK (sandbox IN (0,1)).
    sandbox: [sql(`CASE WHEN sandbox = 1 THEN ${sandbox(1)} ELSE ${sandbox(0)} END`)],
    gateway_txn_id: textCell(mark, 'gateway_txn_id', 'txn_id'),
    items: itemsCell(mark),
  };
  return rowSql([text(`<row r="${mark}">`), ...EXPORT_COLUMNS.flatMap((c) => cell[c]), text('</row>')]);
}
