import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../src/main/export/run-export';
import { EXPORT_COLUMNS } from '../../../src/shared/export-columns';
import { rowValues, toExportRow } from '../../../src/main/export/export-columns';
import { zoneOffsetSpans } from '../../../src/main/export/zone-offsets';
import { SHARED_STRINGS, xlsxRowSql } from '../../../src/main/export/xlsx-sql';
import { staticParts } from '../../../src/main/export/xlsx-parts';
import { formatLocal } from '../../../src/main/orders/local-time';
import { openOrderStore } from '../../../src/main/orders/journal';
import type { OrderStore } from '../../../src/main/orders/order-store';
import { useTempDir } from '../orders/temp-dir';
import { textRows } from './text-rows';

const tempDir = useTempDir();

/** Texts that must be quoted, doubled or neutralised, and texts that must not be touched. */
const NOTES = [
  '',
  'Kopi susu',
  'Kopi, susu',
  'a;b;c',
  'He said "ok"',
  'baris\nbaru',
  'cr\rhere',
  '=1+2',
  '+62 812',
  '-5',
  '@home',
  '\tindent',
  '\uFF1Dfull-width',
  '=";"',
  "it's",
  '咖啡',
  'Es teh 🧋👍',
  'نقد',
  ' leading space',
  'trailing space ',
  '<b>Tom & Jerry</b>',
  'bell\u0007here',
];

/**
 * Sales around the daylight-saving changes of a zone that has them, in every state the
 * export treats differently (paid with and without Pakasir's total, expired, failed without
 * a fee), with every tricky note.
 */
function journal(timeZone: string): OrderStore {
  let clock = new Date('2026-03-08T05:00:00.000Z');
  const store = openOrderStore({ file: join(tempDir(), 'orders.db'), now: () => clock, timeZone });
  const instants = [
    '2026-03-08T06:59:59.999Z',
    '2026-03-08T07:00:00.000Z',
    '2026-03-29T00:59:59.500Z',
    '2026-03-29T01:00:00.000Z',
    '2026-10-25T00:30:00.250Z',
    '2026-10-25T01:30:00.000Z',
    '2026-11-01T05:59:59.000Z',
    '2026-11-01T06:00:01.000Z',
    '2026-11-24T03:00:00.000Z',
  ];
  let n = 0;
  for (const at of instants) {
    for (const note of NOTES) {
      n += 1;
      clock = new Date(Date.parse(at) + n);
      // An id may start with '-' (ORDER_ID_PATTERN): a spreadsheet would read it as a formula.
      const id = `${n % 10 === 0 ? '-' : ''}KSR1-R-${String(n).padStart(4, '0')}`;
      const amount = 1_000 + n * 250;
      store.create({
        orderId: id,
        amount,
        price: n % 4 === 0 ? amount + 500 : undefined,
        feePayer: n % 3 === 0 ? 'shop' : undefined,
        method: n % 2 ? 'bri_va' : 'qris',
        note,
        terminal: 'KSR1',
        apiVersion: 'v2',
        sandbox: n % 5 === 0,
        project: 'toko',
        // Some sales rung up with items, whose names are as tricky as the notes.
        lines:
          n % 3 === 0
            ? [
                { itemId: null, name: 'Kopi; "susu"', qty: 2, unitPrice: 100, total: 200 },
                {
                  itemId: null,
                  name: note || 'Roti',
                  qty: 1,
                  unitPrice: (n % 4 === 0 ? amount + 500 : amount) - 200,
                  total: (n % 4 === 0 ? amount + 500 : amount) - 200,
                },
              ]
            : null,
      });
      if (n % 7 === 6) {
        store.transition(id, 'failed', 'refused');
        continue;
      }
      store.transition(id, 'awaiting_payment', 'created', {
        fee: n % 6 === 0 ? null : 300 + n,
        totalPayment: n % 4 === 1 ? null : amount + 300 + n,
        txnId: n % 8 === 0 ? '=cmd|"x"' : `txn-${n}`,
      });
      if (n % 3 === 2) store.transition(id, 'expired', 'expired');
      else
        store.transition(id, 'paid', 'completed', {
          paidAt: new Date(clock.getTime() + 3_600_000 * (n % 5)).toISOString(),
        });
    }
  }
  return store;
}

/**
 * The export as csv-stringify writes it from the records, with the options the app used
 * before SQLite formatted it, plus quote_record_delimiter: with a CRLF record delimiter
 * csv-stringify otherwise leaves a bare line break in a note unquoted, and a spreadsheet then
 * splits that sale over two rows.
 */
function reference(store: OrderStore, timeZone: string, delimiter: ';' | ','): Buffer {
  const rows = [...store.iterate({})].map((o) => rowValues(toExportRow(o, timeZone, store.saleLines(o.orderId))));
  const text = stringify(rows, {
    bom: true,
    delimiter,
    header: true,
    columns: [...EXPORT_COLUMNS],
    record_delimiter: 'windows',
    escape_formulas: true,
    quote_record_delimiter: true,
    cast: { boolean: (v) => (v ? 'true' : 'false') },
  });
  return Buffer.from(text, 'utf8');
}

describe('CSV export formatted by SQLite', () => {
  it.each([
    ['Asia/Jakarta', ';'],
    ['Europe/Berlin', ';'],
    ['America/New_York', ','],
    ['Australia/Lord_Howe', ','],
  ] as const)('gives the same bytes as csv-stringify, in %s with delimiter %s', async (timeZone, delimiter) => {
    const store = journal(timeZone);
    const dest = join(tempDir(), 'orders.csv');
    const result = await runExport(store, { format: 'csv', filter: {} }, dest, { timeZone, delimiter });
    const bytes = readFileSync(dest);
    expect(result.rows).toBe(9 * NOTES.length);
    // As text first, so a difference reads as a diff; then byte for byte.
    expect(bytes.toString('utf8').split('\r\n')).toEqual(
      reference(store, timeZone, delimiter).toString('utf8').split('\r\n'),
    );
    expect(bytes.equals(reference(store, timeZone, delimiter))).toBe(true);
    store.close();
  });

  it('quotes and guards a method outside the app’s list as csv-stringify does', async () => {
    const store = journal('Asia/Jakarta');
    // Words the app writes skip the quoting rules; a journal from another version may hold others.
    const raw = new Database(store.textQuery({}, "'x'").file);
    raw.prepare('UPDATE orders SET method = ? WHERE order_id = ?').run('=kas; "tunai"', 'KSR1-R-0001');
    raw.prepare('UPDATE orders SET method = ? WHERE order_id = ?').run('+62 kas', 'KSR1-R-0002');
    raw.close();
    const dest = join(tempDir(), 'orders.csv');
    await runExport(store, { format: 'csv', filter: {} }, dest, { timeZone: 'Asia/Jakarta', delimiter: ';' });
    const text = readFileSync(dest, 'utf8');
    expect(text).toContain(';"\'=kas; ""tunai""";');
    expect(text).toContain(";'+62 kas;");
    expect(text.split('\r\n')).toEqual(reference(store, 'Asia/Jakarta', ';').toString('utf8').split('\r\n'));
    store.close();
  });

  it('keeps a filter: the same rows as the records the journal streams for it', async () => {
    const store = journal('Asia/Jakarta');
    const dest = join(tempDir(), 'orders.csv');
    const filter = { states: ['paid' as const], search: 'kopi' };
    const result = await runExport(store, { format: 'csv', filter }, dest, { timeZone: 'Asia/Jakarta' });
    const expected = [...store.iterate(filter)];
    expect(expected.length).toBeGreaterThan(0);
    expect(result.rows).toBe(expected.length);
    const lines = readFileSync(dest, 'utf8').split('\r\n').slice(1, -1);
    const shown = (id: string) => (id.startsWith('-') ? `'${id}` : id);
    expect(lines.map((l) => l.split(';')[0])).toEqual(expected.map((o) => shown(o.orderId)));
    store.close();
  });
});

describe('zone offsets', () => {
  it.each(['Asia/Jakarta', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'])(
    'turn every second of a year into the same local time as Intl, in %s',
    (timeZone) => {
      const start = Date.parse('2025-12-31T00:00:00Z');
      const end = Date.parse('2027-01-01T00:00:00Z');
      const spans = zoneOffsetSpans(start, end, timeZone);
      const at = (ms: number) => {
        let offset = spans[0]!.offsetS;
        for (const s of spans) if (ms >= s.from) offset = s.offsetS;
        return new Date(ms + offset * 1000).toISOString().slice(0, 19).replace('T', ' ');
      };
      // Every change to the second, and its neighbours, then a spread of instants.
      const probes = spans.slice(1).flatMap((s) => [s.from - 1000, s.from - 1, s.from, s.from + 999]);
      for (let ms = start; ms < end; ms += 3_599_917) probes.push(ms);
      for (const ms of probes) expect(at(ms)).toBe(formatLocal(new Date(ms).toISOString(), timeZone));
    },
  );
});

/** The workbook as exceljs's streaming writer made it before SQLite wrote the rows. */
async function xlsxReference(store: OrderStore, timeZone: string, path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Orders');
  sheet.columns = EXPORT_COLUMNS.map((key) => ({ header: key, key }));
  for (const o of store.iterate({}))
    sheet.addRow(rowValues(toExportRow(o, timeZone, store.saleLines(o.orderId)))).commit();
  sheet.commit();
  await workbook.commit();
}

describe('XLSX export written by SQLite', () => {
  it.each(['Asia/Jakarta', 'America/New_York'])(
    'reads back cell for cell as the exceljs workbook did, types included (%s)',
    async (timeZone) => {
      const store = journal(timeZone);
      const dir = tempDir();
      const dest = join(dir, 'orders.xlsx');
      const result = await runExport(store, { format: 'xlsx', filter: {} }, dest, { timeZone });
      expect(result.rows).toBe(9 * NOTES.length);
      await xlsxReference(store, timeZone, join(dir, 'reference.xlsx'));
      const [ours] = await readXlsxFile(dest);
      const [reference] = await readXlsxFile(join(dir, 'reference.xlsx'));
      expect(ours!.data).toHaveLength(9 * NOTES.length + 1);
      expect(ours!.data).toEqual(reference!.data);
      // exceljs's workbook reader is stricter: it refuses a sheet whose rows carry no number.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(dest);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.rowCount).toBe(9 * NOTES.length + 1);
      const ids = (sheet.getColumn(1).values as unknown[]).slice(1);
      expect(ids).toEqual(ours!.data.map((r) => r[0]));
      store.close();
    },
  );

  it('marks only the texts that start or end with white space to keep it, so a spreadsheet does not trim them', () => {
    const store = journal('Asia/Jakarta');
    const spans = zoneOffsetSpans(
      Date.parse('2026-01-01T00:00:00Z'),
      Date.parse('2027-01-01T00:00:00Z'),
      'Asia/Jakarta',
    );
    const rows = textRows(store, xlsxRowSql(spans, 1));
    expect(rows).toHaveLength(9 * NOTES.length);
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const note of NOTES.filter((n) => n !== '' && !n.includes('\u0007'))) {
      const kept = `<t xml:space="preserve">${escape(note)}</t>`;
      const plain = `<t>${escape(note)}</t>`;
      const withNote = rows.filter((r) => r.includes(kept) || r.includes(plain));
      expect(withNote, note).toHaveLength(9);
      const needsKeeping = /^\s|\s$/.test(note);
      for (const r of withNote) expect(r.includes(kept), note).toBe(needsKeeping);
    }
    store.close();
  });

  it('keeps the fixed words once, as shared strings, and writes any other method inline, escaped', async () => {
    const store = journal('Asia/Jakarta');
    const dir = tempDir();
    // A method outside the app's list, as a journal from another version might hold.
    const other = 'kas <&> "tunai"';
    const raw = new Database(store.textQuery({}, "'x'").file);
    raw.prepare('UPDATE orders SET method = ? WHERE order_id = ?').run(other, 'KSR1-R-0001');
    raw.close();
    const spans = zoneOffsetSpans(
      Date.parse('2026-01-01T00:00:00Z'),
      Date.parse('2027-01-01T00:00:00Z'),
      'Asia/Jakarta',
    );
    const rows = textRows(store, xlsxRowSql(spans, 1));
    const shared = (word: string) => `t="s"><v>${SHARED_STRINGS.indexOf(word)}</v>`;
    expect(rows.filter((r) => r.includes(shared('qris')))).toHaveLength(rows.length / 2);
    expect(
      rows.every((r) => r.includes(shared('paid')) || r.includes(shared('expired')) || r.includes(shared('failed'))),
    ).toBe(true);
    expect(rows.filter((r) => r.includes('kas &lt;&amp;&gt; "tunai"'))).toHaveLength(1);

    const dest = join(dir, 'orders.xlsx');
    await runExport(store, { format: 'xlsx', filter: {} }, dest, { timeZone: 'Asia/Jakarta' });
    const [sheet] = await readXlsxFile(dest);
    const column = (name: string) => sheet!.data[0]!.indexOf(name);
    const first = sheet!.data.find((r) => r[column('order_id')] === 'KSR1-R-0001')!;
    expect(first[column('method')]).toBe(other);
    // A second reader agrees, word for word.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(dest);
    const values = (workbook.worksheets[0]!.getSheetValues() as unknown[][]).slice(1).map((r) => r.slice(1));
    expect(values.map((r) => [r[column('method')], r[column('status')], r[column('fee_payer')]])).toEqual(
      sheet!.data.map((r) => [r[column('method')], r[column('status')], r[column('fee_payer')]]),
    );
    store.close();
  });

  it('declares the shared strings where a spreadsheet looks for them: the part, its type and the workbook link', () => {
    const parts = Object.fromEntries(staticParts('Orders').map((p) => [p.name, p.xml]));
    expect(parts['xl/_rels/workbook.xml.rels']).toContain(
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"',
    );
    expect(parts['[Content_Types].xml']).toContain(
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    );
    const words = [...parts['xl/sharedStrings.xml']!.matchAll(/<si><t>([^<]*)<\/t><\/si>/g)].map((m) => m[1]);
    expect(words).toEqual(SHARED_STRINGS);
    // Written without escaping: every word must be a plain identifier.
    expect(SHARED_STRINGS.every((w) => /^[a-z_]+$/.test(w))).toBe(true);
  });
});
