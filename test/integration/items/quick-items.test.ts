import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '../../../src/shared/domain';
import type { CartView, ItemView, SaleLineView } from '../../../src/shared/items';
import type { PrintJobView } from '../../../src/shared/printing';
import { saleLinesSchema } from '../../../src/shared/sync/sale-lines';
import { decodeEscPos } from '../../support/escpos/decoder';
import { startHarnessRig, type HarnessRig } from '../../support/harness';
import { until } from '../../support/printing';
import { startTestPrinter, type TestPrinter } from '../../support/test-printer';

/** Quick items through the contract, as the windows use them: catalogue, cart, a sale with lines, its receipt. */
describe('quick items and the lines of a sale', () => {
  let rig: HarnessRig;
  let printer: TestPrinter;

  beforeAll(async () => {
    printer = await startTestPrinter();
    rig = await startHarnessRig();
  });
  afterAll(async () => {
    await rig?.close();
    await printer?.close();
  });

  const value = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const { body } = await rig.call(name, input);
    if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
    return body.value as T;
  };
  const refused = async (name: string, input: unknown) => {
    const { body } = await rig.call(name, input);
    expect(body.ok, `${name} ${JSON.stringify(input)}`).toBe(false);
    return body.error!;
  };
  const item = (items: ItemView[], name: string) => items.find((i) => i.name === name)!;
  const journalRows = (sql: string, ...params: unknown[]) => {
    const db = new Database(rig.services.store.file, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };

  it('starts with no items; the owner adds, changes and removes them, every change journaled', async () => {
    expect(await value<ItemView[]>('listItems')).toEqual([]);
    await value('saveItem', { name: 'Kopi susu', price: 18_000, category: 'Minuman', barcode: '8991002100015' });
    await value('saveItem', { name: 'Roti bakar', price: 12_000, category: 'Makanan' });
    let items = await value<ItemView[]>('saveItem', { name: 'Teh', price: 5_000, category: 'Minuman' });
    expect(items.map((i) => i.name).sort()).toEqual(['Kopi susu', 'Roti bakar', 'Teh']);
    items = await value<ItemView[]>('saveItem', { ...item(items, 'Teh'), price: 6_000 });
    expect(item(items, 'Teh').price).toBe(6_000);

    // One live item per barcode: a scan must find one thing.
    const dup = await refused('saveItem', { name: 'Kopi hitam', price: 10_000, barcode: '8991002100015' });
    expect(dup).toMatchObject({ code: 'invalid_input' });
    expect(dup.message).toContain('Kopi susu');
    for (const bad of [
      { name: 'X', price: 0 },
      { name: 'X', price: 1.5 },
      { name: '', price: 1000 },
    ]) {
      expect(await refused('saveItem', bad)).toMatchObject({ code: 'invalid_input' });
    }

    const extra = await value<ItemView[]>('saveItem', { name: 'Sementara', price: 1_000 });
    items = await value<ItemView[]>('removeItem', { itemId: item(extra, 'Sementara').itemId });
    expect(items.map((i) => i.name)).not.toContain('Sementara');
    const events = journalRows('SELECT action FROM item_events ORDER BY id').map((r) => r.action);
    expect(events).toEqual(['created', 'created', 'created', 'changed', 'created', 'removed']);
  });

  it('prices the cart in main and refuses an item that is gone', async () => {
    const items = await value<ItemView[]>('listItems');
    const cart = await value<CartView>('showCart', {
      lines: [
        { itemId: item(items, 'Kopi susu').itemId, qty: 2 },
        { itemId: item(items, 'Roti bakar').itemId, qty: 1 },
        { itemId: item(items, 'Kopi susu').itemId, qty: 1 },
      ],
    });
    expect(cart.total).toBe(3 * 18_000 + 12_000);
    expect(cart.lines.map((l) => [l.name, l.qty, l.total])).toEqual([
      ['Kopi susu', 3, 54_000],
      ['Roti bakar', 1, 12_000],
    ]);
    expect(await refused('showCart', { lines: [{ itemId: 'it-gone', qty: 1 }] })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await value<CartView>('showCart', { lines: [] })).toEqual({ lines: [], total: 0 });
  });

  it('journals the lines with the sale, keeps them through a price change, and prints them', async () => {
    await value('updatePrinterSettings', {
      target: { kind: 'tcp', host: printer.host, port: printer.port },
      autoPrint: true,
    });
    const items = await value<ItemView[]>('listItems');
    const kopi = item(items, 'Kopi susu');
    const teh = item(items, 'Teh');
    const cart = [
      { itemId: kopi.itemId, qty: 2 },
      { itemId: teh.itemId, qty: 1 },
    ];

    // A total that is not the cart's (a price changed after the cart was filled) charges nothing.
    const before = rig.services.store.count({});
    const stale = await refused('charge', { amount: 40_000, method: 'qris', items: cart });
    expect(stale).toMatchObject({ code: 'invalid_input' });
    expect(stale.message).toContain('Rp 42.000');
    expect(rig.services.store.count({})).toBe(before);

    const sale = await value<OrderView>('charge', { amount: 42_000, method: 'qris', items: cart });
    // Written with the sale, before anything was paid: the lines and their outbox entry.
    const lines = rig.services.store.saleLines(sale.orderId);
    expect(lines).toEqual<SaleLineView[]>([
      { itemId: kopi.itemId, name: 'Kopi susu', qty: 2, unitPrice: 18_000, total: 36_000 },
      { itemId: teh.itemId, name: 'Teh', qty: 1, unitPrice: 6_000, total: 6_000 },
    ]);
    const outbox = journalRows(
      "SELECT payload FROM sync_outbox WHERE kind = 'sale.lines' AND entity_id = ?",
      sale.orderId,
    );
    expect(outbox).toHaveLength(1);
    expect(saleLinesSchema.parse(JSON.parse(String(outbox[0]!.payload)))).toMatchObject({ total: 42_000 });

    // The owner raises a price: the sale keeps its own lines.
    await value('saveItem', { ...kopi, price: 20_000 });
    const jobsBefore = printer.jobs.length;
    await value('simulatePayment', { orderId: sale.orderId });
    await until('paid', () => rig.services.store.get(sale.orderId)?.state === 'paid');
    const detail = await value<{ order: OrderView; lines: SaleLineView[] }>('getOrder', { orderId: sale.orderId });
    expect(detail.lines.map((l) => l.unitPrice)).toEqual([18_000, 6_000]);

    const receipt = (await printer.waitForJobs(jobsBefore + 1))[jobsBefore]!;
    const text = decodeEscPos(receipt).lines.join('\n');
    expect(text).toMatch(/Kopi susu/);
    expect(text).toMatch(/2 x Rp 18\.000 +Rp 36\.000/);
    expect(text).toMatch(/Teh +Rp 6\.000/);
    expect(text).toMatch(/TOTAL +Rp 42\.000/);

    const copy = await value<PrintJobView>('reprintReceipt', { orderId: sale.orderId });
    expect(copy.reprint).toBe(1);
    const again = (await printer.waitForJobs(jobsBefore + 2))[jobsBefore + 1]!;
    expect(decodeEscPos(again).lines.join('\n')).toContain('CETAK ULANG #1');

    const wa = await value<{ text: string }>('receiptText', { orderId: sale.orderId });
    expect(wa.text).toMatch(/2 x Rp 18\.000 +Rp 36\.000/);
    expect(wa.text).toContain('LUNAS');
    expect(wa.text).not.toContain('CETAK ULANG');
  });

  it('a new QR for an expired sale sells the same lines', async () => {
    const items = await value<ItemView[]>('listItems');
    const roti = item(items, 'Roti bakar');
    const sale = await value<OrderView>('charge', {
      amount: 24_000,
      method: 'qris',
      items: [{ itemId: roti.itemId, qty: 2 }],
    });
    await value('cancelSale', { orderId: sale.orderId });
    const again = await value<OrderView>('recreateSale', { orderId: sale.orderId });
    expect(rig.services.store.saleLines(again.orderId)).toEqual(rig.services.store.saleLines(sale.orderId));
    await value('cancelSale', { orderId: again.orderId });
  });

  it('an amount-only sale has no lines and prints the amount as before', async () => {
    const sale = await value<OrderView>('charge', { amount: 7_000, method: 'qris' });
    expect(rig.services.store.saleLines(sale.orderId)).toEqual([]);
    const detail = await value<{ lines: SaleLineView[] }>('getOrder', { orderId: sale.orderId });
    expect(detail.lines).toEqual([]);
    await value('cancelSale', { orderId: sale.orderId });
  });
});
