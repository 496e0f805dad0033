import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOwnerPassword } from '../../src/server/owner/owner-password';
import { OWNER_EXPORT_COLUMNS } from '../../src/shared/export-columns';
import { OWNER_PAGE_CSP } from '../../src/server/owner/owner-page';
import type { OwnerOrderPage, OwnerReconciliation, ShopDailyReport } from '../../src/shared/owner/contract';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';
import { event, orderId, snapshot } from './snapshots';
import { OWNER_TOKEN, startServerRig, type ServerRig } from './support';

/**
 * The owner's API as the web page uses it: sign-in by password or token into an httpOnly,
 * SameSite=Strict session, refused without one; the history over every till with its
 * filters and pages; exports holding exactly the listed rows; the report per till; and the
 * reconciliation flagging what Pakasir's webhooks and the tills disagree on.
 */
let pgs: TestPostgres;
let rig: ServerRig;
let tillA: { tillId: string; token: string };
let tillB: { tillId: string; token: string };
const PASSWORD = 'kopi-susu-gula-aren';
const DAY = '2026-11-25';

beforeAll(async () => {
  pgs = await startPostgres();
  rig = await startServerRig(pgs, { now: () => new Date('2026-11-25T09:00:00Z') });
  tillA = await rig.pair('Kasir depan', 'KSRA');
  tillB = await rig.pair('Kasir belakang', 'KSRB');
  const push = async (token: string, events: unknown[]) => {
    const res = await rig.server.app.inject({
      method: 'POST',
      url: '/api/v1/sync/events',
      headers: { authorization: `Bearer ${token}` },
      payload: { events },
    });
    expect(res.statusCode).toBe(200);
  };
  // Till A: three paid sales, one of 30,000 with a note; till B: one paid, one expired, one
  // set aside for review; plus a sale on the next business day (after 04:00 Jakarta).
  await push(tillA.token, [
    event(1, snapshot(orderId('KSRA', 1))),
    event(2, snapshot(orderId('KSRA', 2), { amount: 30_000, price: 30_000, totalPayment: 30_585, fee: 585 })),
    event(3, snapshot(orderId('KSRA', 3), { note: 'Meja 4, =SUM(A1)' })),
  ]);
  await push(tillB.token, [
    event(1, snapshot(orderId('KSRB', 1), { method: 'bni_va', fee: 4_000, totalPayment: 29_000 })),
    event(2, snapshot(orderId('KSRB', 2), { state: 'expired', paidAt: null, totalPayment: null })),
    event(3, snapshot(orderId('KSRB', 3), { state: 'needs_review', paidAt: null })),
    event(
      4,
      snapshot('KSRB-20261125T230000-00000004', {
        createdAt: '2026-11-25T23:00:00.000Z',
        updatedAt: '2026-11-25T23:01:00.000Z',
        paidAt: '2026-11-25T23:01:00.000Z',
      }),
    ),
  ]);
});
afterAll(async () => {
  await rig?.close();
  await pgs?.stop();
});

async function signIn(secret: string) {
  return rig.server.app.inject({ method: 'POST', url: '/api/v1/owner/session', payload: { secret } });
}

async function cookieFor(secret: string): Promise<string> {
  const res = await signIn(secret);
  expect(res.statusCode).toBe(200);
  const set = String(res.headers['set-cookie']);
  return set.split(';')[0]!;
}

const get = (url: string, cookie: string) => rig.server.app.inject({ method: 'GET', url, headers: { cookie } });

describe('signing in', () => {
  it('opens an httpOnly SameSite=Strict session for the owner token or the password, and nothing else', async () => {
    expect((await signIn('not the password')).statusCode).toBe(401);
    expect((await signIn(PASSWORD)).statusCode).toBe(401);
    await setOwnerPassword(rig.pool, PASSWORD);
    const res = await signIn(PASSWORD);
    expect(res.statusCode).toBe(200);
    const set = String(res.headers['set-cookie']);
    expect(set).toMatch(/^pakasir_owner=[A-Za-z0-9_-]{43};/);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(set).toContain('Path=/');
    // The database keeps a hash of the session, never the cookie's value.
    const value = set.split(';')[0]!.split('=')[1]!;
    const rows = await rig.pool.query<{ token_sha256: string }>('SELECT token_sha256 FROM shop.owner_sessions');
    expect(rows.rows.some((r) => r.token_sha256 === value)).toBe(false);
    expect((await signIn(OWNER_TOKEN)).statusCode).toBe(200);
  });

  it('refuses the owner API without a session, and with one that was signed out', async () => {
    expect((await get('/api/v1/owner/overview', '')).statusCode).toBe(401);
    expect((await get('/api/v1/owner/overview', 'pakasir_owner=forged-value')).statusCode).toBe(401);
    const cookie = await cookieFor(PASSWORD);
    expect((await get('/api/v1/owner/overview', cookie)).statusCode).toBe(200);
    const out = await rig.server.app.inject({ method: 'DELETE', url: '/api/v1/owner/session', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect((await get('/api/v1/owner/overview', cookie)).statusCode).toBe(401);
  });

  it('refuses a change carried by the cookie from another origin or not as JSON', async () => {
    const cookie = await cookieFor(PASSWORD);
    const foreign = await rig.server.app.inject({
      method: 'POST',
      url: '/api/v1/owner/pairing-codes',
      headers: { cookie, origin: 'https://evil.example', host: 'toko.example.com' },
      payload: { tillName: 'Kasir palsu' },
    });
    expect(foreign.statusCode).toBe(403);
    const form = await rig.server.app.inject({
      method: 'POST',
      url: '/api/v1/owner/pairing-codes',
      headers: { cookie, 'content-type': 'text/plain' },
      payload: '{"tillName":"Kasir palsu"}',
    });
    expect(form.statusCode).toBe(415);
    const own = await rig.server.app.inject({
      method: 'POST',
      url: '/api/v1/owner/pairing-codes',
      headers: { cookie, origin: 'http://toko.example.com', host: 'toko.example.com' },
      payload: { tillName: 'Kasir 3' },
    });
    expect(own.statusCode).toBe(200);
  });

  it('a new password signs every browser out', async () => {
    const cookie = await cookieFor(PASSWORD);
    await setOwnerPassword(rig.pool, PASSWORD);
    expect((await get('/api/v1/owner/overview', cookie)).statusCode).toBe(401);
  });

  it('gives an address ten tries a minute', async () => {
    const other = await startServerRig(pgs);
    try {
      const codes: number[] = [];
      for (let i = 0; i < 11; i += 1)
        codes.push(
          (
            await other.server.app.inject({
              method: 'POST',
              url: '/api/v1/owner/session',
              payload: { secret: `x${i}` },
            })
          ).statusCode,
        );
      expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(codes[10]).toBe(429);
    } finally {
      await other.close();
    }
  });
});

describe('the owner over every till', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await cookieFor(OWNER_TOKEN);
  });

  it("knows the shop's business day and the tills", async () => {
    const res = await get('/api/v1/owner/overview', cookie);
    const o = res.json() as { today: string; timeZone: string; cutoffHour: number; tills: { name: string }[] };
    expect(o.today).toBe(DAY);
    expect(o.timeZone).toBe('Asia/Jakarta');
    expect(o.cutoffHour).toBe(4);
    expect(o.tills.map((t) => t.name).sort()).toEqual(['Kasir belakang', 'Kasir depan']);
  });

  it('lists the history with its filters and pages', async () => {
    const page = (q: string) => get(`/api/v1/owner/orders?${q}`, cookie).then((r) => r.json() as OwnerOrderPage);
    expect((await page(`day=${DAY}`)).total).toBe(6);
    expect((await page(`day=2026-11-26`)).total).toBe(1);
    expect((await page('')).total).toBe(7);
    expect((await page(`day=${DAY}&tillId=${tillB.tillId}`)).total).toBe(3);
    expect((await page(`day=${DAY}&state=paid`)).total).toBe(4);
    expect((await page(`day=${DAY}&method=bni_va`)).items.map((o) => o.orderId)).toEqual([orderId('KSRB', 1)]);
    expect((await page(`search=${encodeURIComponent('meja 4')}`)).items.map((o) => o.orderId)).toEqual([
      orderId('KSRA', 3),
    ]);
    expect((await page(`search=belakang`)).total).toBe(4);
    // "%" is searched for as itself, not as a wildcard.
    expect((await page(`search=${encodeURIComponent('%')}`)).total).toBe(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: OwnerOrderPage = await page(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(p.items.length).toBeLessThanOrEqual(2);
      seen.push(...p.items.map((o) => `${o.tillId}/${o.orderId}`));
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('refuses a filter it cannot read, in one sentence', async () => {
    for (const q of ['day=25-11-2026', 'state=lunas', 'tillId=nope', 'limit=100000', 'cursor=garbage'])
      expect((await get(`/api/v1/owner/orders?${q}`, cookie)).json()).toMatchObject({ error: 'invalid_request' });
  });

  it('exports exactly the rows the history lists, as CSV and XLSX, with the sums of the report', async () => {
    const listed = (await get(`/api/v1/owner/orders?day=${DAY}&limit=200`, cookie)).json() as OwnerOrderPage;
    const res = await get(`/api/v1/owner/exports/orders?day=${DAY}&format=csv`, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`penjualan-${DAY}.csv`);
    const rows = parse(res.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => `${r.till_id}/${r.order_id}`)).toEqual(listed.items.map((o) => `${o.tillId}/${o.orderId}`));
    // A note starting a formula stays text.
    expect(rows.find((r) => r.order_id === orderId('KSRA', 3))!.note).toBe('Meja 4, =SUM(A1)');
    const report = (await get(`/api/v1/owner/reports/daily?day=${DAY}`, cookie)).json() as ShopDailyReport;
    const sum = (col: string) => rows.reduce((s, r) => s + (r[col] ? Number(r[col]) : 0), 0);
    expect(sum('total_paid')).toBe(report.grossAmount);
    expect(sum('shop_receives')).toBe(report.netReceived);
    expect(rows.find((r) => r.order_id === orderId('KSRA', 1))!.created_local).toBe('2026-11-25 14:44:02');

    const xlsx = await get(`/api/v1/owner/exports/orders?day=${DAY}&tillId=${tillA.tillId}&format=xlsx`, cookie);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [sheet] = await readXlsxFile(xlsx.rawPayload);
    const [header, ...data] = sheet!.data;
    expect(header).toEqual([...OWNER_EXPORT_COLUMNS]);
    expect(data.map((r) => r[2])).toEqual(listed.items.filter((o) => o.tillId === tillA.tillId).map((o) => o.orderId));
  });

  it('reports the day over every till and per till, the tills adding up to the whole', async () => {
    const all = (await get(`/api/v1/owner/reports/daily?day=${DAY}`, cookie)).json() as ShopDailyReport;
    expect(all.paidCount).toBe(4);
    expect(all.grossAmount).toBe(25_485 + 30_585 + 25_485 + 29_000);
    expect(all.byTill).toHaveLength(2);
    let gross = 0;
    let net = 0;
    for (const till of [tillA, tillB]) {
      const one = (await get(`/api/v1/owner/reports/daily?day=${DAY}&tillId=${till.tillId}`, cookie)).json();
      expect(one.tillId).toBe(till.tillId);
      const row = all.byTill.find((r) => r.tillId === till.tillId)!;
      expect(row.grossAmount).toBe(one.grossAmount);
      expect(row.netReceived).toBe(one.netReceived);
      gross += one.grossAmount;
      net += one.netReceived;
    }
    expect(gross).toBe(all.grossAmount);
    expect(net).toBe(all.netReceived);
  });

  it("flags where Pakasir's webhooks and the tills disagree", async () => {
    const hook = (order: string, amount: number) =>
      rig.server.app.inject({
        method: 'POST',
        url: '/webhooks/pakasir',
        headers: { 'x-secret': 'whsec-test-7f3a9c1e5b2d4f60' },
        payload: {
          txn_id: `txn-${order}`,
          order_id: order,
          amount,
          is_sandbox: true,
          status: 'completed',
          completed_at: '2026-11-25T07:45:02Z',
        },
      });
    let clean = (await get(`/api/v1/owner/reconciliation?day=${DAY}`, cookie)).json() as OwnerReconciliation;
    expect(clean.differences.map((d) => d.kind)).toEqual(['needs_review']);
    expect((await hook(orderId('KSRA', 1), 25_000)).statusCode).toBe(200); // agrees
    expect((await hook(orderId('KSRB', 2), 25_000)).statusCode).toBe(200); // the till says expired
    expect((await hook(orderId('KSRA', 2), 31_000)).statusCode).toBe(200); // another amount
    expect((await hook('KSRC-20261125T080000-00000001', 15_000)).statusCode).toBe(200); // no till sent it
    clean = (await get(`/api/v1/owner/reconciliation?day=${DAY}`, cookie)).json() as OwnerReconciliation;
    const kinds = Object.fromEntries(clean.differences.map((d) => [d.orderId, d.kind]));
    expect(kinds).toEqual({
      [orderId('KSRB', 2)]: 'webhook_paid_sale_not_paid',
      [orderId('KSRA', 2)]: 'amount_differs',
      'KSRC-20261125T080000-00000001': 'webhook_paid_sale_unknown',
      [orderId('KSRB', 3)]: 'needs_review',
    });
    expect(clean.tills.find((t) => t.tillId === tillB.tillId)).toMatchObject({ sales: 3, paid: 1, rejected: 0 });
  });
});

describe("the owner's page", () => {
  it('is served with a strict content security policy, or says how to build it', async () => {
    const res = await rig.server.app.inject({ method: 'GET', url: '/' });
    expect(res.headers['content-security-policy']).toBe(OWNER_PAGE_CSP);
    expect(res.headers['x-frame-options']).toBe('DENY');
    // This rig was built without the page: the address says what to do.
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
  });
});
