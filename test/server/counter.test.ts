import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { ShopDailyReport } from '../../src/shared/owner/contract';
import type { ShopZReport } from '../../src/shared/owner/counter-contract';
import type { PushAnswer } from '../../src/shared/sync/protocol';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';
import { counterEvent } from './counter-events';
import { event, orderId, snapshot } from './snapshots';
import { OWNER_TOKEN, startServerRig, type ServerRig } from './support';

/**
 * The counter on the shop server: a till's sales (cash, split), refunds, shift and staff
 * entries are projected once each; an entry that breaks its schema is refused with a reason;
 * the owner's daily report shows gross, refunds and net with cash by method; the Z reports
 * per shift and per day across tills; the refunds export.
 */
let pgs: TestPostgres;
let rig: ServerRig;
let tillA: { tillId: string; token: string };
let tillB: { tillId: string; token: string };
const DAY = '2026-11-25';
const cashier = { staffId: 'st-ani', name: 'Ani' };
const owner = { staffId: 'st-owner', name: 'Bu Sari' };

const push = async (token: string, events: unknown[]) => {
  const res = await rig.server.app.inject({
    method: 'POST',
    url: '/api/v1/sync/events',
    headers: { authorization: `Bearer ${token}` },
    payload: { events },
  });
  expect(res.statusCode).toBe(200);
  return res.json() as PushAnswer;
};
const get = async <T>(url: string, status = 200): Promise<T> => {
  const res = await rig.server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${OWNER_TOKEN}` } });
  expect(res.statusCode, res.body).toBe(status);
  return (res.headers['content-type']?.toString().includes('json') ? res.json() : res.body) as T;
};

/** Till A's shift: opening 200,000; a cash sale (50,000 handed over for 18,500); a split sale
 * (10,000 cash + 15,000 QRIS); cash out 20,000; a cash refund of 5,000; closed counting 197,000. */
function tillAShift(): unknown[] {
  const shift = 'A-SHIFT-1';
  const at = (m: number) => new Date(Date.parse('2026-11-25T02:00:00.000Z') + m * 60_000).toISOString();
  return [
    counterEvent(1, 'staff.changed', cashier.staffId, {
      ...cashier,
      role: 'cashier',
      active: true,
      pinChanged: true,
      at: at(0),
      byStaffId: owner.staffId,
    }),
    counterEvent(2, 'shift.opened', shift, {
      shiftId: shift,
      terminal: 'KSRA',
      businessDay: DAY,
      openedAt: at(1),
      openedBy: cashier.staffId,
      openedByName: cashier.name,
      openingCash: 200_000,
    }),
    counterEvent(3, 'sale.opened', 'A-SALE-1', {
      saleId: 'A-SALE-1',
      terminal: 'KSRA',
      price: 18_500,
      note: '',
      createdAt: at(2),
      cashierId: cashier.staffId,
      cashierName: cashier.name,
      shiftId: shift,
    }),
    event(
      4,
      snapshot(orderId('KSRA', 1), {
        method: 'cash',
        amount: 18_500,
        price: 18_500,
        fee: 0,
        totalPayment: 18_500,
        txnId: null,
        createdAt: at(2),
        updatedAt: at(2),
        paidAt: at(2),
        saleId: 'A-SALE-1',
        cashTendered: 50_000,
        cashChange: 31_500,
        shiftId: shift,
      }),
      { schema: 2 },
    ),
    counterEvent(5, 'sale.opened', 'A-SALE-2', {
      saleId: 'A-SALE-2',
      terminal: 'KSRA',
      price: 25_000,
      note: 'split',
      createdAt: at(3),
      cashierId: cashier.staffId,
      cashierName: cashier.name,
      shiftId: shift,
    }),
    event(
      6,
      snapshot(orderId('KSRA', 2), {
        method: 'cash',
        amount: 10_000,
        price: 10_000,
        fee: 0,
        totalPayment: 10_000,
        txnId: null,
        createdAt: at(3),
        updatedAt: at(3),
        paidAt: at(3),
        saleId: 'A-SALE-2',
        cashTendered: 10_000,
        cashChange: 0,
        shiftId: shift,
      }),
      { schema: 2 },
    ),
    event(
      7,
      snapshot(orderId('KSRA', 3), {
        amount: 15_000,
        price: 15_000,
        fee: 105,
        totalPayment: 15_105,
        createdAt: at(3),
        updatedAt: at(4),
        paidAt: at(4),
        saleId: 'A-SALE-2',
      }),
      { schema: 2 },
    ),
    counterEvent(8, 'shift.cash_moved', shift, {
      shiftId: shift,
      eventId: 3,
      kind: 'out',
      amount: 20_000,
      reason: 'Beli es batu',
      at: at(5),
      staffId: cashier.staffId,
      staffName: cashier.name,
    }),
    counterEvent(9, 'refund.recorded', 'A-REFUND-1', {
      refundId: 'A-REFUND-1',
      saleId: 'A-SALE-1',
      kind: 'refund',
      amount: 5_000,
      channel: 'cash',
      note: 'Kembalian kurang',
      at: at(6),
      byStaffId: owner.staffId,
      byName: owner.name,
      shiftId: shift,
      terminal: 'KSRA',
    }),
    counterEvent(10, 'staff.action', '1', {
      id: 1,
      at: at(6),
      action: 'refund',
      byStaffId: owner.staffId,
      byName: owner.name,
      target: 'A-SALE-1',
      facts: { amount: 5_000 },
    }),
    counterEvent(11, 'shift.closed', shift, {
      shiftId: shift,
      closedAt: at(30),
      closedBy: cashier.staffId,
      closedByName: cashier.name,
      drawer: {
        opening: 200_000,
        cashSales: 28_500,
        cashRefunds: 5_000,
        cashIn: 0,
        cashOut: 20_000,
        expected: 203_500,
      },
      countedCash: 197_000,
      difference: -6_500,
      gross: 43_605,
      refunds: 5_000,
      note: '',
    }),
    counterEvent(12, 'day.closed', DAY, {
      day: DAY,
      closeId: 1,
      closedAt: at(31),
      byStaffId: owner.staffId,
      byName: owner.name,
      gross: 43_605,
      fees: 105,
      refunds: 5_000,
      netAfterRefunds: 38_500,
      cashDifference: -6_500,
    }),
  ];
}

beforeAll(async () => {
  pgs = await startPostgres();
  rig = await startServerRig(pgs, { now: () => new Date('2026-11-25T09:00:00Z') });
  tillA = await rig.pair('Kasir depan', 'KSRA');
  tillB = await rig.pair('Kasir belakang', 'KSRB');
});
afterAll(async () => {
  await rig?.close();
  await pgs?.stop();
});

describe('counter entries on the shop server', () => {
  it('projects each entry once, even when a push is sent again', async () => {
    const events = tillAShift();
    const first = await push(tillA.token, events);
    expect(first).toMatchObject({ hwm: 12, applied: 12, duplicates: 0, rejected: [] });
    const again = await push(tillA.token, events);
    expect(again).toMatchObject({ hwm: 12, applied: 0, duplicates: 12 });
    const counts = await rig.pool.query<{ t: string; n: number }>(
      `SELECT 'sales' AS t, count(*)::int AS n FROM shop.counter_sales UNION ALL
       SELECT 'refunds', count(*)::int FROM shop.refunds UNION ALL
       SELECT 'shifts', count(*)::int FROM shop.shifts UNION ALL
       SELECT 'moves', count(*)::int FROM shop.shift_events UNION ALL
       SELECT 'closes', count(*)::int FROM shop.shift_closes UNION ALL
       SELECT 'staff', count(*)::int FROM shop.staff UNION ALL
       SELECT 'actions', count(*)::int FROM shop.staff_actions UNION ALL
       SELECT 'days', count(*)::int FROM shop.day_closes`,
    );
    expect(Object.fromEntries(counts.rows.map((r) => [r.t, r.n]))).toEqual({
      sales: 2,
      refunds: 1,
      shifts: 1,
      moves: 1,
      closes: 1,
      staff: 1,
      actions: 1,
      days: 1,
    });
    const cash = await rig.pool.query(
      `SELECT sale_id, shift_id, cash_tendered, cash_change FROM shop.orders WHERE order_id = $1`,
      [orderId('KSRA', 1)],
    );
    expect(cash.rows[0]).toEqual({
      sale_id: 'A-SALE-1',
      shift_id: 'A-SHIFT-1',
      cash_tendered: 50_000,
      cash_change: 31_500,
    });
  });

  it("applies a shift's cash movement that comes before its opening in the same push", async () => {
    // Till B: the ingest applies a push kind by kind; cash_moved comes first in this push's order.
    const at = '2026-11-25T03:00:00.000Z';
    const answer = await push(tillB.token, [
      counterEvent(1, 'shift.cash_moved', 'B-SHIFT-0', {
        shiftId: 'B-SHIFT-0',
        eventId: 1,
        kind: 'in',
        amount: 1_000,
        reason: 'Receh',
        at,
        staffId: null,
        staffName: null,
      }),
      counterEvent(2, 'shift.opened', 'B-SHIFT-1', {
        shiftId: 'B-SHIFT-1',
        terminal: 'KSRB',
        businessDay: DAY,
        openedAt: at,
        openedBy: 'st-budi',
        openedByName: 'Budi',
        openingCash: 100_000,
      }),
      counterEvent(3, 'shift.cash_moved', 'B-SHIFT-1', {
        shiftId: 'B-SHIFT-1',
        eventId: 2,
        kind: 'in',
        amount: 50_000,
        reason: 'Tambah receh',
        at,
        staffId: 'st-budi',
        staffName: 'Budi',
      }),
    ]);
    expect(answer.rejected).toEqual([]);
    const z = await get<ShopZReport>(`/api/v1/owner/reports/z/shift?tillId=${tillB.tillId}&shiftId=B-SHIFT-1`);
    expect(z.drawer).toMatchObject({ opening: 100_000, cashIn: 50_000, expected: 150_000, counted: null });
    expect(z.movements).toEqual([{ kind: 'in', amount: 50_000, reason: 'Tambah receh', at, by: 'Budi' }]);
  });

  it('refuses an entry that breaks its schema, keeps it with the reason, and moves on', async () => {
    const answer = await push(tillB.token, [
      counterEvent(4, 'refund.recorded', 'B-REFUND-1', {
        refundId: 'B-REFUND-1',
        saleId: 'B-SALE-1',
        kind: 'refund',
        amount: -5_000,
        channel: 'cash',
        note: '',
        at: '2026-11-25T04:00:00.000Z',
        byStaffId: null,
        byName: 'Bu Sari',
        shiftId: null,
        terminal: 'KSRB',
      }),
      counterEvent(5, 'shift.opened', 'B-SHIFT-X', {
        shiftId: 'B-SHIFT-2',
        terminal: 'KSRB',
        businessDay: DAY,
        openedAt: '2026-11-25T04:00:00.000Z',
        openedBy: 'st-budi',
        openedByName: 'Budi',
        openingCash: 0,
      }),
    ]);
    expect(answer.hwm).toBe(5);
    expect(answer.rejected.map((r) => [r.seq, r.code])).toEqual([
      [4, 'schema_invalid'],
      [5, 'schema_invalid'],
    ]);
    expect(answer.rejected[0]!.reason).toContain('amount');
    expect(answer.rejected[1]!.reason).toContain('entityId');
    const refunds = await rig.pool.query('SELECT count(*)::int AS n FROM shop.refunds WHERE till_id = $1', [
      tillB.tillId,
    ]);
    expect(refunds.rows[0].n).toBe(0);
  });

  it('shows gross, refunds and net, and cash by method, in the daily report', async () => {
    const r = await get<ShopDailyReport>(`/api/v1/owner/reports/daily?day=${DAY}`);
    expect(r.byMethod.map((m) => [m.method, m.count, m.totalPaid, m.fee])).toEqual([
      ['cash', 2, 28_500, 0],
      ['qris', 1, 15_105, 105],
    ]);
    expect([r.grossAmount, r.fees, r.netReceived]).toEqual([43_605, 105, 43_500]);
    expect(r.refunds).toEqual({
      count: 1,
      amount: 5_000,
      cash: 5_000,
      byChannel: [{ channel: 'cash', count: 1, amount: 5_000 }],
    });
    expect(r.netAfterRefunds).toBe(38_500);
    const onlyB = await get<ShopDailyReport>(`/api/v1/owner/reports/daily?day=${DAY}&tillId=${tillB.tillId}`);
    expect([onlyB.grossAmount, onlyB.refunds.amount]).toEqual([0, 0]);
  });

  it('gives the Z report of a shift and of the day across tills', async () => {
    const z = await get<ShopZReport>(`/api/v1/owner/reports/z/shift?tillId=${tillA.tillId}&shiftId=A-SHIFT-1`);
    expect(z.drawer).toEqual({
      opening: 200_000,
      cashSales: 28_500,
      cashRefunds: 5_000,
      cashIn: 0,
      cashOut: 20_000,
      expected: 203_500,
      counted: 197_000,
      difference: -6_500,
    });
    expect([z.gross, z.fees, z.netReceived, z.refunds.amount, z.netAfterRefunds]).toEqual([
      43_605, 105, 43_500, 5_000, 38_500,
    ]);
    const day = await get<ShopZReport>(`/api/v1/owner/reports/z/day?day=${DAY}`);
    expect(day.shifts.map((s) => [s.shiftId, s.tillName, s.openedBy, s.counted])).toEqual([
      ['A-SHIFT-1', 'Kasir depan', 'Ani', 197_000],
      ['B-SHIFT-1', 'Kasir belakang', 'Budi', null],
    ]);
    // One shift still open: the day's drawer has no count yet.
    expect(day.drawer).toMatchObject({ opening: 300_000, cashIn: 50_000, expected: 353_500, counted: null });
    expect(day.closes).toEqual([{ tillName: 'Kasir depan', at: '2026-11-25T02:31:00.000Z', by: 'Bu Sari' }]);
    expect(day.netAfterRefunds).toBe(38_500);
    await get(`/api/v1/owner/reports/z/shift?tillId=${tillA.tillId}&shiftId=NO-SUCH`, 404);
    await get(`/api/v1/owner/reports/z/day?day=25-11-2026`, 400);
  });

  it('exports the cash parts with what was handed over, and the refunds', async () => {
    const orders = parse(await get<string>(`/api/v1/owner/exports/orders?day=${DAY}&format=csv`), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    const cash = orders.filter((o) => o.method === 'cash');
    expect(cash.map((o) => [o.sale_id, o.total_paid, o.cash_tendered, o.cash_change]).sort()).toEqual([
      ['A-SALE-1', '18500', '50000', '31500'],
      ['A-SALE-2', '10000', '10000', '0'],
    ]);
    const refunds = parse(await get<string>(`/api/v1/owner/exports/refunds?day=${DAY}&format=csv`), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    expect(refunds.map((r) => [r.till_name, r.sale_id, r.amount, r.channel, r.by])).toEqual([
      ['Kasir depan', 'A-SALE-1', '5000', 'cash', 'Bu Sari'],
    ]);
  });

  it('gives the app role no way to edit or delete what the tills said', async () => {
    const app = new pg.Client({ connectionString: rig.db.appUrl });
    await app.connect();
    try {
      for (const sql of [
        "UPDATE shop.refunds SET amount = 1 WHERE refund_id = 'A-REFUND-1'",
        'DELETE FROM shop.counter_sales',
        'UPDATE shop.shift_closes SET counted = 0',
        'DELETE FROM shop.staff_actions',
      ])
        await expect(app.query(sql)).rejects.toThrow(/permission denied/);
      const cols = await app.query(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'shop' AND table_name = 'staff'",
      );
      expect(cols.rows.map((c: { column_name: string }) => c.column_name).filter((c) => /pin|hash/.test(c))).toEqual(
        [],
      );
    } finally {
      await app.end();
    }
  });
});
