import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '../../../src/shared/domain';
import { formatRupiah } from '../../../src/shared/money';
import type { PrintJobView, TestPrintResult } from '../../../src/shared/printing';
import { decodeEscPos } from '../../support/escpos/decoder';
import { startHarnessRig, type HarnessRig } from '../../support/harness';
import { until } from '../../support/printing';
import { startTestPrinter, type TestPrinter } from '../../support/test-printer';

/** The printing calls as the windows make them: over the harness, schema-checked in main. */
describe('printing through the contract', () => {
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
  const paidSale = async (amount: number): Promise<OrderView> => {
    const sale = await value<OrderView>('charge', { amount, method: 'qris' });
    await value('simulatePayment', { orderId: sale.orderId });
    await until('paid', () => rig.services.store.get(sale.orderId)?.state === 'paid');
    return sale;
  };
  const text = (b: Buffer) => decodeEscPos(b).lines.join('\n');

  it('starts with no printer and auto-print off; printing a sale says to set one up', async () => {
    expect(await value('getPrinterSettings')).toMatchObject({ target: { kind: 'none' }, autoPrint: false });
    const sale = await paidSale(15_000);
    const { body } = await rig.call('printReceipt', { orderId: sale.orderId });
    expect(body).toMatchObject({ ok: false, error: { code: 'printer_not_configured' } });
    expect(await value('getPrinterStatus')).toMatchObject({ configured: false, waiting: 0 });
  });

  it('refuses bad printer settings with the field named, and keeps the old ones', async () => {
    for (const input of [
      { target: { kind: 'tcp', host: 'http://x/', port: 9100 } },
      { target: { kind: 'tcp', host: '127.0.0.1', port: 0 } },
      { paperWidth: 57 },
      { headerLines: ['a', 'b', 'c', 'd'] },
      { autoPrint: 'yes' },
      { target: { kind: 'os', deviceName: 'P', extra: 1 } },
    ]) {
      const { body } = await rig.call('updatePrinterSettings', input);
      expect(body, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect((await rig.call('printReceipt', { orderId: 'x' })).body).toMatchObject({ error: { code: 'invalid_input' } });
    expect((await rig.call('listPrintJobs', { limit: 0 })).body).toMatchObject({ error: { code: 'invalid_input' } });
    expect(await value('getPrinterSettings')).toMatchObject({ target: { kind: 'none' } });
  });

  it('a test print reaches the printer, or reports why not', async () => {
    const target = { kind: 'tcp', host: printer.host, port: printer.port };
    expect(await value<TestPrintResult>('testPrint', { target })).toMatchObject({ ok: true });
    expect(text((await printer.waitForJobs(1))[0]!)).toContain('TES PRINTER');
    printer.set({ coverOpen: true });
    expect(await value<TestPrintResult>('testPrint', { target })).toMatchObject({ ok: false, problem: 'cover_open' });
    printer.set({ coverOpen: false });
  });

  it('with auto-print on, a QRIS sale prints its receipt when it is paid; a reprint is marked', async () => {
    await value('updatePrinterSettings', {
      target: { kind: 'tcp', host: printer.host, port: printer.port },
      autoPrint: true,
      headerLines: ['Jl. Merdeka 12'],
    });
    const before = printer.jobs.length;
    const sale = await paidSale(22_000);
    const [, receipt] = await printer.waitForJobs(before + 1).then((j) => [null, j[before]!]);
    const d = decodeEscPos(receipt!);
    // The order id is longer than a 58 mm line: it is printed across lines, broken at its dashes.
    expect(text(receipt!).replace(/\s+/g, '')).toContain(sale.orderId);
    expect(text(receipt!)).toMatch(/TOTAL +Rp 22\.000/);
    expect(text(receipt!)).toContain('Jl. Merdeka 12');
    expect(text(receipt!)).toContain('BUKAN UANG SUNGGUHAN');
    expect(d.pulses).toEqual([]);
    // The shop's default: the customer pays the round price and the shop bears Pakasir's fee.
    const order = rig.services.store.get(sale.orderId)!;
    expect(order.feePayer).toBe('shop');
    expect(order.fee).toBeGreaterThan(0);
    expect(text(receipt!)).toMatch(new RegExp(`Biaya layanan +${formatRupiah(order.fee!)}`));
    expect(text(receipt!)).toContain('(ditanggung toko)');
    expect(text(receipt!)).not.toContain('Dibayar');

    const copy = await value<PrintJobView>('reprintReceipt', { orderId: sale.orderId });
    expect(copy).toMatchObject({ reprint: 1, opensDrawer: false });
    const jobs = await printer.waitForJobs(before + 2);
    expect(text(jobs[before + 1]!)).toContain('CETAK ULANG #1');
    await until('both done', () => rig.services.printing.listJobs(2).every((j) => j.state === 'done'));
    const listed = await value<PrintJobView[]>('listPrintJobs', { limit: 5, states: ['done'] });
    // A counter sale's receipt is the sale's (one receipt for all its parts).
    expect(listed[0]).toMatchObject({ ref: sale.saleId, reprint: 1, state: 'done' });
  });

  it('with auto-print off the snapshot is still frozen at payment, and printReceipt prints it', async () => {
    await value('updatePrinterSettings', { autoPrint: false });
    const sale = await paidSale(31_000);
    await until('snapshot', () => rig.services.printing.receipt('sale', sale.saleId!) !== null);
    const before = printer.jobs.length;
    const job = await value<PrintJobView>('printReceipt', { orderId: sale.orderId });
    expect(job).toMatchObject({ reprint: 0, state: 'queued' });
    const jobs = await printer.waitForJobs(before + 1);
    expect(text(jobs[before]!)).toMatch(/TOTAL +Rp 31\.000/);
    const open = await value<OrderView>('charge', { amount: 5_000, method: 'qris' });
    expect((await rig.call('printReceipt', { orderId: open.orderId })).body).toMatchObject({
      ok: false,
      error: { code: 'illegal_state' },
    });
    await value('cancelSale', { orderId: open.orderId });
  });

  it('a sale paid before printing existed gets its snapshot from the journal when first printed', async () => {
    const store = rig.services.store;
    const opened = store.openSale({
      amount: 18_000,
      method: 'bni_va',
      note: 'lama',
      terminal: 'OLD1',
      apiVersion: 'v2',
      sandbox: false,
      project: 'toko',
    });
    store.transition(opened.orderId, 'awaiting_payment', 'created', {
      fee: 3_500,
      totalPayment: 21_500,
      paymentNumber: '8808000011112222',
      txnId: 'txn_old',
    });
    store.transition(opened.orderId, 'paid', 'completed', { paidAt: '2026-11-20T03:00:00.000Z' });
    expect(rig.services.printing.receipt('sale', opened.orderId)).toBeNull();
    const before = printer.jobs.length;
    await value('printReceipt', { orderId: opened.orderId });
    const jobs = await printer.waitForJobs(before + 1);
    const t = text(jobs[before]!);
    expect(t).toMatch(/No\. struk +OLD1-000001/);
    expect(t).toMatch(/Tanggal +20-11-2026/);
    expect(t).toMatch(/No\. VA +8808000011112222/);
    expect(t).toMatch(/Dibayar +Rp 21\.500/);
    expect(t).toContain('(ditanggung pembeli)');
    expect(t).not.toContain('BUKAN UANG SUNGGUHAN');
  });

  it('a printer that is off: the call returns at once, the cashier sees why, the receipt prints later', async () => {
    const frames = await rig.events();
    try {
      await printer.setMode('refuse');
      const sale = await paidSale(44_000);
      const job = await value<PrintJobView>('printReceipt', { orderId: sale.orderId });
      expect(job.state).toBe('queued');
      await until('refused status event', () => frames.frames.join('').includes('"problem":"refused"'));
      expect(await value('getPrinterStatus')).toMatchObject({ state: 'problem', problem: 'refused', waiting: 1 });
      const before = printer.jobs.length;
      await printer.setMode('ok');
      await value('retryPrinting');
      const jobs = await printer.waitForJobs(before + 1);
      expect(text(jobs[before]!)).toMatch(/TOTAL +Rp 44\.000/);
      await until('printJobUpdated done', () => frames.frames.join('').includes('"state":"done"'));
    } finally {
      frames.stop();
    }
  });

  it('the OS printer path: the harness saves the page Electron would print', async () => {
    const printers = await value<{ name: string }[]>('listOsPrinters');
    expect(printers.map((p) => p.name)).toEqual(['receipt-file']);
    await value('updatePrinterSettings', { target: { kind: 'os', deviceName: 'receipt-file' }, paperWidth: 80 });
    const sale = await paidSale(12_500);
    await value('printReceipt', { orderId: sale.orderId });
    const dir = join(rig.dataDir, 'downloads');
    await until('a receipt file', () => readdirSync(dir).some((f) => f.startsWith('receipt-')));
    const html = readFileSync(
      join(
        dir,
        readdirSync(dir).find((f) => f.startsWith('receipt-'))!,
      ),
      'utf8',
    );
    expect(html).toContain('@page { size: 80mm');
    expect(html).toContain(sale.orderId);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script/i);
    const missing = await value<TestPrintResult>('testPrint', { target: { kind: 'os', deviceName: 'Gone' } });
    expect(missing).toMatchObject({ ok: false, problem: 'os_printer_missing' });
  });
});
