import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useAppFolders } from '../../support/app-services';
import { call, counterShop, refusal } from '../../support/counter';
import type { AppServices } from '../../../src/main/app/service-types';

/**
 * Cash and split sales through the app's own services (demo mode, the in-process simulator
 * over real HTTP, a real journal): a cash sale is written paid before it is shown and never
 * reaches Pakasir; a split sale's gateway part follows the engine; bad amounts write nothing.
 */
const folders = useAppFolders();

function rows(dataDir: string, sql: string): Record<string, unknown>[] {
  const db = new Database(join(dataDir, 'orders.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

function counts(dataDir: string) {
  return rows(
    dataDir,
    `SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM sales) AS sales,
            (SELECT count(*) FROM sync_outbox) AS outbox, (SELECT count(*) FROM refunds) AS refunds`,
  )[0];
}

async function paidBySimulator(app: AppServices, orderId: string) {
  await call(app, 'simulatePayment', { orderId });
  return app.store.get(orderId)!;
}

describe('cash at the counter', () => {
  it('needs an open shift: without one, cash is refused and nothing is written', async () => {
    const dir = folders.folder();
    const app = await folders.start(dir);
    await counterShop(app, { shift: false });
    const before = counts(dir);
    const err = await refusal(app, 'sellCash', { amount: 23_500, tendered: 50_000 });
    expect(err.code).toBe('no_shift');
    expect(counts(dir)).toEqual(before);
  });

  it('a cash sale with change is paid in one write, on the counter, in the drawer, and never sent to Pakasir', async () => {
    const dir = folders.folder();
    const app = await folders.start(dir);
    const { shiftId } = await counterShop(app, { openingCash: 150_000 });
    const sim = app.demoSimulator()!;
    const createsBefore = sim.transactions().length;
    const seen: string[] = [];
    app.bus.on('activeSaleChanged', (o) => seen.push(`${o?.method}:${o?.state}`));

    const result = await call(app, 'sellCash', { amount: 23_500, tendered: 50_000, note: 'Meja 2' });
    expect(result.order).toMatchObject({
      method: 'cash',
      state: 'paid',
      price: 23_500,
      amount: 23_500,
      totalPayment: 23_500,
      fee: 0,
      cash: { tendered: 50_000, change: 26_500 },
      saleId: result.sale.saleId,
    });
    expect(result.sale).toMatchObject({
      state: 'paid',
      price: 23_500,
      paid: 23_500,
      remaining: 0,
      cashier: { name: 'Budi' },
      shiftId,
    });
    // Both windows are told (the customer display shows the change), and it is the counter's sale.
    expect(seen).toEqual(['cash:paid']);
    expect(app.handlers.getActiveSale({})).toMatchObject({ orderId: result.order.orderId });
    // Pakasir never heard of it.
    expect(sim.transactions().length).toBe(createsBefore);
    const counter = await call(app, 'getCounter', {});
    expect(counter.shift!.drawer).toMatchObject({ opening: 150_000, cashSales: 23_500, expected: 173_500 });

    // The shop server will hear of the sale, its cash part (with tendered and change) and the shift.
    const outbox = rows(dir, 'SELECT kind, entity_id, schema, payload FROM sync_outbox ORDER BY seq');
    const kinds = outbox.map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['shift.opened', 'sale.opened', 'order.snapshot', 'staff.changed']));
    const snap = outbox.find((r) => r.kind === 'order.snapshot' && r.entity_id === result.order.orderId)!;
    expect(snap.schema).toBe(2);
    expect(JSON.parse(snap.payload as string)).toMatchObject({
      method: 'cash',
      state: 'paid',
      saleId: result.sale.saleId,
      cashTendered: 50_000,
      cashChange: 26_500,
      shiftId,
    });
    // No PIN or PIN hash ever reaches the outbox.
    for (const r of outbox) expect(String(r.payload)).not.toMatch(/scrypt|582047|482916/);
  });

  it('a cart paid in cash keeps its lines with the sale, on its receipt, and empties the cart', async () => {
    const dir = folders.folder();
    const app = await folders.start(dir);
    await counterShop(app);
    await call(app, 'saveItem', { name: 'Kopi susu', price: 18_000, category: 'Minuman' });
    await call(app, 'saveItem', { name: 'Roti bakar', price: 12_000, category: 'Makanan' });
    const items = await call(app, 'listItems', {});
    const cart = items.map((i) => ({ itemId: i.itemId, qty: i.name === 'Kopi susu' ? 2 : 1 }));
    await call(app, 'showCart', { lines: cart });
    const shown: number[] = [];
    app.bus.on('cartChanged', (c) => shown.push(c.lines.length));

    // A cart that does not come to the amount due is refused before anything is written.
    const before = counts(dir);
    const err = await refusal(app, 'sellCash', { amount: 40_000, tendered: 50_000, items: cart });
    expect(err.code).toBe('invalid_input');
    expect(counts(dir)).toEqual(before);

    const result = await call(app, 'sellCash', { amount: 48_000, tendered: 50_000, items: cart });
    expect(app.store.saleLines(result.order.orderId).map((l) => [l.name, l.qty, l.total])).toEqual([
      ['Kopi susu', 2, 36_000],
      ['Roti bakar', 1, 12_000],
    ]);
    expect(shown.at(-1)).toBe(0);
    const { text } = await call(app, 'receiptText', { orderId: result.order.orderId });
    expect(text).toMatch(/2 x Rp 18\.000 +Rp 36\.000/);
    expect(text).toMatch(/Roti bakar +Rp 12\.000/);
  });

  it('refuses tendered less than due, absurd change and bad amounts, writing nothing', async () => {
    const dir = folders.folder();
    const app = await folders.start(dir);
    await counterShop(app);
    const before = counts(dir);
    const short = await refusal(app, 'sellCash', { amount: 23_500, tendered: 20_000 });
    expect(short).toMatchObject({ code: 'invalid_input' });
    expect(short.message).toContain('Rp 3.500');
    expect((await refusal(app, 'sellCash', { amount: 23_500, tendered: 2_000_000 })).message).toContain('change');
    expect((await refusal(app, 'sellCash', { amount: -5, tendered: 10_000 })).code).toBe('invalid_input');
    expect((await refusal(app, 'sellCash', { amount: 1.5, tendered: 10_000 })).code).toBe('invalid_input');
    expect((await refusal(app, 'sellCash', { amount: 60_000_000, tendered: 60_000_000 })).code).toBe('invalid_input');
    expect((await refusal(app, 'chargeSplit', { amount: 50_000, cash: 50_000, method: 'qris' })).code).toBe(
      'invalid_input',
    );
    // The rest by VA must reach the VA minimum.
    const va = await refusal(app, 'chargeSplit', { amount: 50_000, cash: 45_000, method: 'bni_va' });
    expect(va.message).toContain('Rp 10.000');
    expect(counts(dir)).toEqual(before);
  });
});

describe('split payment: part cash, the rest by QRIS', () => {
  it('is paid when both parts are, with one receipt for the sale', async () => {
    const dir = folders.folder();
    const app = await folders.start(dir);
    await counterShop(app, { openingCash: 100_000 });
    const qris = await call(app, 'chargeSplit', { amount: 100_000, cash: 40_000, method: 'qris', note: 'Meja 7' });
    expect(qris).toMatchObject({ method: 'qris', price: 60_000, state: 'awaiting_payment' });
    const saleId = qris.saleId!;
    expect(await call(app, 'getSale', { saleId })).toMatchObject({ state: 'open', paid: 40_000, remaining: 60_000 });
    // The cash is in the drawer already; the shift cannot close while the QR waits.
    const counter = await call(app, 'getCounter', {});
    expect(counter.shift!.drawer.expected).toBe(140_000);
    expect(counter.shift!.openSales).toBe(1);

    const paid = await paidBySimulator(app, qris.orderId);
    expect(paid.state).toBe('paid');
    const sale = await call(app, 'getSale', { saleId });
    expect(sale).toMatchObject({ state: 'paid', paid: 100_000, remaining: 0 });
    expect(sale.parts.map((p) => [p.method, p.state, p.price])).toEqual([
      ['cash', 'paid', 40_000],
      ['qris', 'paid', 60_000],
    ]);
    await expect.poll(() => app.printing.receipt('sale', saleId)).not.toBeNull();
    const receipt = app.printing.receipt('sale', saleId)!.snapshot;
    expect(receipt).toMatchObject({
      kind: 'sale',
      amount: 100_000,
      cashier: 'Budi',
      method: 'cash',
      parts: [
        { method: 'cash', amount: 40_000 },
        { method: 'qris', amount: sale.parts[1]!.totalPayment },
      ],
    });
    // One receipt for the sale, none for its QRIS part alone.
    expect(app.printing.receipt('sale', qris.orderId)).toBeNull();
    const report = await call(app, 'getDailyReport', { day: '2026-11-25' });
    const by = Object.fromEntries(report.byMethod.map((m) => [m.method, m.price]));
    expect(by).toEqual({ cash: 40_000, qris: 60_000 });
  });

  it('a QR that is canceled leaves the rest due: paid in cash, or the cash given back by the owner', async () => {
    const dir = folders.folder();
    const app = await folders.start(dir);
    await counterShop(app, { openingCash: 100_000 });
    const first = await call(app, 'chargeSplit', { amount: 80_000, cash: 30_000, method: 'qris' });
    await call(app, 'cancelSale', { orderId: first.orderId });
    expect(await call(app, 'getSale', { saleId: first.saleId! })).toMatchObject({ state: 'unpaid', remaining: 50_000 });
    expect((await call(app, 'getCounter', {})).unpaidSales.map((s) => s.saleId)).toEqual([first.saleId]);
    // The rest in cash, with change.
    const rest = await call(app, 'payRestInCash', { saleId: first.saleId!, tendered: 50_000 });
    expect(rest.sale).toMatchObject({ state: 'paid', paid: 80_000 });
    expect(rest.order.cash).toEqual({ tendered: 50_000, change: 0 });
    // Paying it again is refused: nothing is paid twice.
    expect((await refusal(app, 'payRestInCash', { saleId: first.saleId!, tendered: 50_000 })).code).toBe(
      'illegal_state',
    );

    // Another split whose QR is canceled: the owner gives the cash back (a void).
    const second = await call(app, 'chargeSplit', { amount: 60_000, cash: 20_000, method: 'qris' });
    await call(app, 'cancelSale', { orderId: second.orderId });
    const voided = await call(app, 'refundSale', {
      saleId: second.saleId!,
      amount: 20_000,
      channel: 'cash',
      note: 'pembeli batal',
    });
    expect(voided).toMatchObject({ state: 'voided', refunded: 20_000 });
    expect(voided.refunds[0]).toMatchObject({ kind: 'void', channel: 'cash', by: 'Bu Sari' });
    const drawer = (await call(app, 'getCounter', {})).shift!.drawer;
    expect(drawer).toMatchObject({ cashSales: 100_000, cashRefunds: 20_000, expected: 180_000 });
  });
});
