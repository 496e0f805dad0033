import { join, resolve } from 'node:path';
import jsQR from 'jsqr';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrintJournal } from '../../../src/main/printing/print-journal';
import type { SaleReceiptInput } from '../../../src/main/printing/sale-input';
import type { SaleSnapshot } from '../../../src/main/printing/snapshot';
import { decodeEscPos, imageToRgba } from '../../support/escpos/decoder';
import { startPrintRig, until, type PrintRig } from '../../support/printing';
import { CASH_SALE, QRIS_SALE } from '../../support/receipts';
import { startTestPrinter, type TestPrinter } from '../../support/test-printer';

function saleInput(s: SaleSnapshot, ref: string): SaleReceiptInput {
  const { version: _v, kind: _k, receiptNo: _r, shop: _s, language: _l, timeZone: _t, verification: _q, ...rest } = s;
  return { ...rest, ref };
}

let rig: PrintRig;
let printer: TestPrinter;

beforeEach(async () => {
  printer = await startTestPrinter();
  rig = await startPrintRig();
  rig.printing.updateSettings({ target: { kind: 'tcp', host: printer.host, port: printer.port }, autoPrint: true });
});

afterEach(async () => {
  await rig.close();
  await printer.close();
});

const text = (bytes: Buffer) => decodeEscPos(bytes).lines.join('\n');

describe('a working printer', () => {
  it('prints a cash sale once with the drawer pulse; a reprint is marked #1, #2 and never pulses', async () => {
    const first = rig.printing.recordSale(saleInput(CASH_SALE, 'CASH-1'));
    expect(first.receiptNo).toBe('KSR1-000001');
    expect(first.job).toMatchObject({ state: 'queued', reprint: 0, opensDrawer: true });
    const [original] = await printer.waitForJobs(1);
    const d = decodeEscPos(original!);
    expect(d.pulses).toEqual([{ type: 'pulse', pin: 0, onUnits: 25, offUnits: 250 }]);
    expect(d.lines.join('\n')).toMatch(/Kembali +Rp 27\.000/);
    expect(d.lines.join('\n')).not.toContain('CETAK ULANG');
    expect(d.cuts).toHaveLength(1);
    const qr = d.images[0]!;
    expect(jsQR(imageToRgba(qr), qr.width, qr.height)?.data).toContain('RCPT:KSR1-000001;ORDER:CASH-1');
    // The printer was asked for its status before it got the job.
    expect(printer.statusRequests.slice(0, 3)).toEqual([1, 2, 4]);

    rig.printing.reprint('sale', 'CASH-1');
    rig.printing.reprint('sale', 'CASH-1');
    const [, copy1, copy2] = await printer.waitForJobs(3);
    expect(text(copy1!)).toContain('*** CETAK ULANG #1 ***');
    expect(text(copy2!)).toContain('*** CETAK ULANG #2 ***');
    expect(decodeEscPos(copy1!).pulses).toEqual([]);
    expect(decodeEscPos(copy2!).pulses).toEqual([]);
    await until('all done', () => rig.printing.listJobs(10).every((j) => j.state === 'done'));
    expect(rig.printing.status()).toMatchObject({ state: 'ready', problem: null, waiting: 0 });
  });

  it('a QRIS sale never opens the drawer, even if the counter asks', async () => {
    rig.printing.recordSale(saleInput(QRIS_SALE, 'KSR1-20261125-000107'));
    const [bytes] = await printer.waitForJobs(1);
    expect(decodeEscPos(bytes!).pulses).toEqual([]);
    expect(text(bytes!)).toContain('KSR1-20261125-000107');
  });

  it('prints jobs in the order they were asked for', async () => {
    await printer.setMode('refuse');
    for (let i = 1; i <= 3; i++) rig.printing.recordSale(saleInput(QRIS_SALE, `ORDER-${i}`));
    await until('a refused attempt', () => rig.printing.status().problem === 'refused');
    await printer.setMode('ok');
    const jobs = await printer.waitForJobs(3);
    expect(jobs.map((b) => /KSR1-00000\d/.exec(text(b))![0])).toEqual(['KSR1-000001', 'KSR1-000002', 'KSR1-000003']);
  });

  it('a snapshot is frozen: the shop renamed later still prints the old name, and is never rewritten', async () => {
    rig.printing.updateSettings({ autoPrint: false });
    const rec = rig.printing.recordSale(saleInput(QRIS_SALE, 'FROZEN-1'));
    expect(rec.job).toBeNull();
    rig.shop.name = 'Toko Baru';
    rig.printing.updateSettings({ headerLines: ['Alamat baru'] });
    const again = rig.printing.recordSale({ ...saleInput(QRIS_SALE, 'FROZEN-1'), amount: 1 });
    expect(again).toMatchObject({ receiptNo: rec.receiptNo, created: false, job: null });
    rig.printing.print('sale', 'FROZEN-1');
    const [bytes] = await printer.waitForJobs(1);
    expect(text(bytes!)).toContain('Warung Bu Sari');
    expect(text(bytes!)).not.toContain('Toko Baru');
    expect(text(bytes!)).not.toContain('Alamat baru');
    expect(text(bytes!)).toMatch(/TOTAL +Rp 22\.000/);
  });

  it('pressing print twice while the first copy waits prints one copy', async () => {
    rig.printing.updateSettings({ autoPrint: false });
    await printer.setMode('refuse');
    rig.printing.recordSale(saleInput(QRIS_SALE, 'TWICE'));
    const a = rig.printing.print('sale', 'TWICE');
    const b = rig.printing.print('sale', 'TWICE');
    expect(b.id).toBe(a.id);
    await printer.setMode('ok');
    rig.printing.retryNow();
    await printer.waitForJobs(1);
    await rig.printing.idle();
    expect(printer.jobs).toHaveLength(1);
  });
});

describe('a printer that cannot print', () => {
  for (const [mode, problem] of [
    ['refuse', 'refused'],
    ['stall', 'no_answer'],
  ] as const) {
    it(`${mode}: the sale is not held up, the job waits with the reason, and prints when the printer returns`, async () => {
      await printer.setMode(mode);
      const before = printer.connections();
      const rec = rig.printing.recordSale(saleInput(CASH_SALE, `WAIT-${mode}`));
      // recordSale returned with the job queued before any connection was even tried.
      expect(rec.job?.state).toBe('queued');
      expect(printer.connections()).toBe(before);

      await until(`status ${problem}`, () => rig.printing.status().problem === problem);
      expect(rig.printing.status()).toMatchObject({ state: 'problem', waiting: 1 });
      const waiting = rig.printing.listJobs(5)[0]!;
      expect(waiting).toMatchObject({ state: 'queued', lastProblem: problem });
      expect(rig.statuses.some((s) => s.problem === problem)).toBe(true);
      await until('a second attempt', () => (rig.printing.listJobs(1)[0]?.attempts ?? 0) >= 2);

      await printer.setMode('ok');
      const [bytes] = await printer.waitForJobs(1);
      expect(text(bytes!)).toContain('KSR1-000001');
      expect(decodeEscPos(bytes!).pulses).toHaveLength(1);
      await until('ready', () => rig.printing.status().state === 'ready' && rig.printing.status().waiting === 0);
      expect(rig.printing.listJobs(1)[0]).toMatchObject({ state: 'done', lastProblem: null });
    });
  }

  for (const [condition, problem] of [
    [{ paperOut: true }, 'paper_out'],
    [{ coverOpen: true }, 'cover_open'],
    [{ offline: true }, 'offline'],
  ] as const) {
    it(`${problem}: nothing is sent to the printer until it is fixed`, async () => {
      printer.set(condition);
      rig.printing.recordSale(saleInput(QRIS_SALE, `COND-${problem}`));
      await until(problem, () => rig.printing.status().problem === problem);
      await until('a second attempt', () => (rig.printing.listJobs(1)[0]?.attempts ?? 0) >= 2);
      expect(printer.jobs).toHaveLength(0);
      printer.set({ paperOut: false, coverOpen: false, offline: false });
      await printer.waitForJobs(1);
      await until('ready', () => rig.printing.status().state === 'ready');
    });
  }

  it('paper low still prints and says so', async () => {
    printer.set({ paperLow: true });
    rig.printing.recordSale(saleInput(QRIS_SALE, 'LOW'));
    await printer.waitForJobs(1);
    await until('paper low', () => rig.printing.status().paperLow);
  });

  it('a waiting job can be canceled and is then never printed', async () => {
    await printer.setMode('refuse');
    const rec = rig.printing.recordSale(saleInput(QRIS_SALE, 'CANCEL'));
    await until('refused', () => rig.printing.status().problem === 'refused');
    await rig.printing.idle();
    expect(rig.printing.cancelJob(rec.job!.id).state).toBe('canceled');
    await printer.setMode('ok');
    rig.printing.retryNow();
    await until('queue empty', () => rig.printing.status().waiting === 0);
    await rig.printing.idle();
    expect(printer.jobs).toHaveLength(0);
    // A canceled copy does not count: the next copy is the original again.
    expect(rig.printing.print('sale', 'CANCEL').reprint).toBe(0);
  });
});

describe('jobs live in the journal', () => {
  it('survive a restart and print when the printer is back', async () => {
    await printer.setMode('refuse');
    rig.printing.recordSale(saleInput(CASH_SALE, 'RESTART'));
    await until('refused', () => rig.printing.status().problem === 'refused');
    await rig.restart();
    expect(rig.printing.status().waiting).toBe(1);
    await printer.setMode('ok');
    const [bytes] = await printer.waitForJobs(1);
    expect(text(bytes!)).toContain('KSR1-000001');
    expect(decodeEscPos(bytes!).pulses).toHaveLength(1);
  });

  it('numbers receipts per till without gaps and keeps the reprint count in the journal', async () => {
    rig.printing.updateSettings({ autoPrint: false });
    const a = rig.printing.recordSale(saleInput(QRIS_SALE, 'N-1'));
    const b = rig.printing.recordSale({ ...saleInput(QRIS_SALE, 'N-2'), terminal: 'KSR2' });
    const c = rig.printing.recordSale(saleInput(QRIS_SALE, 'N-3'));
    expect([a.receiptNo, b.receiptNo, c.receiptNo]).toEqual(['KSR1-000001', 'KSR2-000001', 'KSR1-000002']);
    rig.printing.print('sale', 'N-1');
    rig.printing.reprint('sale', 'N-1');
    await printer.waitForJobs(2);
    await rig.restart();
    expect(rig.printing.reprint('sale', 'N-1').reprint).toBe(2);
  });
});

describe('the test print', () => {
  it('prints a test page on a working printer', async () => {
    const result = await rig.printing.testPrint({});
    expect(result).toMatchObject({ ok: true, problem: null });
    const [bytes] = await printer.waitForJobs(1);
    expect(text(bytes!)).toContain('TES PRINTER');
  });

  it('reports the printer’s real problem', async () => {
    printer.set({ paperOut: true });
    expect(await rig.printing.testPrint({})).toMatchObject({ ok: false, problem: 'paper_out' });
    expect(rig.printing.status().problem).toBe('paper_out');
    printer.set({ paperOut: false, coverOpen: true });
    expect(await rig.printing.testPrint({})).toMatchObject({ ok: false, problem: 'cover_open' });
    printer.set({ coverOpen: false });
    await printer.setMode('stall');
    expect(await rig.printing.testPrint({})).toMatchObject({ ok: false, problem: 'no_answer' });
    await printer.setMode('refuse');
    const refused = await rig.printing.testPrint({});
    expect(refused).toMatchObject({ ok: false, problem: 'refused', detail: 'ECONNREFUSED' });
    expect(printer.jobs).toHaveLength(0);
  });

  it('tests a printer before it is saved, and reports no printer as not configured', async () => {
    rig.printing.updateSettings({ target: { kind: 'none' } });
    expect(await rig.printing.testPrint({})).toMatchObject({ ok: false, problem: 'not_configured' });
    const result = await rig.printing.testPrint({
      target: { kind: 'tcp', host: printer.host, port: printer.port },
      paperWidth: 80,
    });
    expect(result.ok).toBe(true);
    const [bytes] = await printer.waitForJobs(1);
    expect(decodeEscPos(bytes!).lines.some((l) => l.length === 48 && l.startsWith('1234567890'))).toBe(true);
  });

  it('without a status check, a printer that answers no status still prints', async () => {
    printer.set({ silent: true });
    expect(await rig.printing.testPrint({})).toMatchObject({ ok: false, problem: 'no_answer' });
    rig.printing.updateSettings({ statusCheck: false });
    expect(await rig.printing.testPrint({})).toMatchObject({ ok: true });
    await printer.waitForJobs(1);
  });
});

describe('without a printer', () => {
  it('keeps the snapshot, refuses to print, and a queued document prints once a printer is set up', async () => {
    rig.printing.updateSettings({ target: { kind: 'none' } });
    expect(rig.printing.settings().autoPrint).toBe(false);
    const rec = rig.printing.recordSale(saleInput(QRIS_SALE, 'NOPRINTER'));
    expect(rec.job).toBeNull();
    expect(() => rig.printing.print('sale', 'NOPRINTER')).toThrow(
      expect.objectContaining({ code: 'printer_not_configured' }),
    );
    const z = rig.printing.recordSale(saleInput(QRIS_SALE, 'ALWAYS'), 'always');
    expect(z.job?.state).toBe('queued');
    await until('not configured', () => rig.printing.status().problem === 'not_configured');
    rig.printing.updateSettings({ target: { kind: 'tcp', host: printer.host, port: printer.port } });
    const [bytes] = await printer.waitForJobs(1);
    expect(text(bytes!)).toMatch(new RegExp(`No\\. struk +${z.receiptNo}`));
  });
});

describe('the SQLite build', () => {
  it('opens the print tables with the addon the journal was given (Electron’s own build)', () => {
    const nodeBuild = resolve(
      import.meta.dirname,
      '../../../node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    );
    const journal = new PrintJournal(rig.store.file, () => new Date(), nodeBuild);
    expect(journal.countWaiting()).toBe(0);
    journal.close();
    expect(() => new PrintJournal(rig.store.file, () => new Date(), join(rig.dir, 'missing.node'))).toThrow();
  });
});
