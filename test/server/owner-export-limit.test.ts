import { finished } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_TABLE, SheetFullError, streamExport } from '../../src/server/owner/order-export';
import type { OwnerOrderRow, OwnerOverview } from '../../src/shared/owner/contract';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';
import { event, orderId, snapshot } from './snapshots';
import { OWNER_TOKEN, startServerRig, type ServerRig } from './support';

/**
 * Excel reads one sheet's 1,048,576 rows and drops the rest with only a warning, so an owner
 * could open a year's workbook and miss sales without noticing. Here one sheet holds 3 rows
 * (the server's test option), and the day has 4 sales: the page is told the limit, the
 * workbook of the day is refused before anything is written, and the CSV and a smaller list
 * still download whole.
 */
const DAY = '2026-11-25';
const LIMIT = 3;
let pgs: TestPostgres;
let rig: ServerRig;
let till: { tillId: string; token: string };

const get = (url: string) =>
  rig.server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${OWNER_TOKEN}` } });

beforeAll(async () => {
  pgs = await startPostgres();
  rig = await startServerRig(pgs, { now: () => new Date('2026-11-25T09:00:00Z'), sheetRowsLimit: LIMIT });
  till = await rig.pair('Kasir depan', 'KSRA');
  const res = await rig.server.app.inject({
    method: 'POST',
    url: '/api/v1/sync/events',
    headers: { authorization: `Bearer ${till.token}` },
    payload: {
      events: [1, 2, 3, 4].map((n) =>
        event(n, snapshot(orderId('KSRA', n), n === 4 ? { state: 'expired', paidAt: null, totalPayment: null } : {})),
      ),
    },
  });
  expect(res.statusCode).toBe(200);
});
afterAll(async () => {
  await rig?.close();
  await pgs?.stop();
});

describe('an Excel download longer than one sheet', () => {
  it('tells the page how many sales one workbook holds', async () => {
    const overview = (await get('/api/v1/owner/overview')).json() as OwnerOverview;
    expect(overview.xlsxRows).toBe(LIMIT);
  });

  it('is refused before anything is written, with a code the page words for the owner', async () => {
    const res = await get(`/api/v1/owner/exports/orders?day=${DAY}&format=xlsx`);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.json()).toMatchObject({ error: 'export_too_large' });
  });

  it('still downloads as CSV whole, and as a workbook once the list fits', async () => {
    const csv = await get(`/api/v1/owner/exports/orders?day=${DAY}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(parse(csv.body, { columns: true, bom: true })).toHaveLength(4);

    const paid = await get(`/api/v1/owner/exports/orders?day=${DAY}&state=paid&format=xlsx`);
    expect(paid.statusCode).toBe(200);
    const [sheet] = await readXlsxFile(paid.rawPayload);
    expect(sheet!.data.slice(1).map((r) => r[2])).toEqual([3, 2, 1].map((n) => orderId('KSRA', n)));
  });
});

describe('the workbook stream', () => {
  const rows = (n: number): AsyncIterable<OwnerOrderRow> => ({
    async *[Symbol.asyncIterator]() {
      for (let i = 1; i <= n; i += 1)
        yield {
          tillId: '00000000-0000-4000-8000-000000000001',
          tillName: 'Kasir depan',
          orderId: orderId('KSRA', i),
          state: 'paid',
          method: 'qris',
          price: 25_000,
          amount: 25_000,
          fee: 0,
          totalPayment: 25_000,
          feePayer: 'shop',
          note: '',
          sandbox: false,
          txnId: null,
          createdAt: '2026-11-25T07:44:02.000Z',
          paidAt: '2026-11-25T07:45:00.000Z',
          saleId: null,
          cashTendered: null,
          cashChange: null,
        };
    },
  });

  it('fails rather than end a sheet early when sales were added after the count', async () => {
    const errors: unknown[] = [];
    const out = streamExport(rows(LIMIT + 1), 'xlsx', 'Asia/Jakarta', (e) => errors.push(e), ORDER_TABLE, LIMIT);
    out.resume();
    await expect(finished(out)).rejects.toBeInstanceOf(SheetFullError);
    expect(errors).toHaveLength(1);
  });

  it('writes a sheet of exactly the limit', async () => {
    const out = streamExport(rows(LIMIT), 'xlsx', 'Asia/Jakarta', () => undefined, ORDER_TABLE, LIMIT);
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await finished(out);
    const [sheet] = await readXlsxFile(Buffer.concat(chunks));
    expect(sheet!.data).toHaveLength(LIMIT + 1);
  });
});
