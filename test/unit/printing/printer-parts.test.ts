import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStatusByte, judgeStatus, statusRequest } from '../../../src/main/printing/escpos-status';
import { PrinterError } from '../../../src/main/printing/printer-error';
import { PrinterSettingsStore } from '../../../src/main/printing/printer-settings';
import { RECEIPT_LABELS } from '../../../src/main/printing/receipt-labels';
import { formatReceiptTime } from '../../../src/main/printing/receipt-format';
import { DEFAULT_RETRY, retryDelay } from '../../../src/main/printing/retry-policy';
import { socketProblem } from '../../../src/main/printing/tcp-printer';
import { PRINTER_PROBLEM_TEXT } from '../../../src/shared/printer-problem-text';
import { PRINTER_PROBLEMS } from '../../../src/shared/printing';

describe('ESC/POS real-time status', () => {
  it('asks with DLE EOT n', () => {
    expect([...statusRequest(1)]).toEqual([0x10, 0x04, 0x01]);
    expect([...statusRequest(4)]).toEqual([0x10, 0x04, 0x04]);
  });

  it('reads paper out, cover open, offline, error and paper low from the answers', () => {
    const ok = 0x12;
    expect(judgeStatus({ 1: ok, 2: ok, 4: ok })).toMatchObject({ problem: null, paperLow: false });
    expect(judgeStatus({ 1: ok | 0x08, 2: ok | 0x20, 4: ok | 0x60 }).problem).toBe('paper_out');
    expect(judgeStatus({ 1: ok, 2: ok, 4: ok | 0x60 }).problem).toBe('paper_out');
    expect(judgeStatus({ 1: ok | 0x08, 2: ok | 0x04, 4: ok }).problem).toBe('cover_open');
    expect(judgeStatus({ 1: ok | 0x08, 2: ok | 0x40, 4: ok }).problem).toBe('printer_error');
    expect(judgeStatus({ 1: ok | 0x08, 2: ok, 4: ok }).problem).toBe('offline');
    expect(judgeStatus({ 1: ok, 2: ok, 4: ok | 0x0c })).toMatchObject({ problem: null, paperLow: true });
    expect(judgeStatus({ 1: ok | 0x08, 2: ok | 0x20, 4: ok | 0x60 }).detail).toBe('1=1a 2=32 4=72');
  });

  it('ignores answers that are not status bytes and questions the printer did not answer', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x00)).toBe(false);
    expect(isStatusByte(0xff)).toBe(false);
    expect(judgeStatus({ 1: 0xff, 2: 0x00 })).toMatchObject({ problem: null, detail: '1=ff 2=00 4=--' });
  });
});

describe('socket errors', () => {
  it('become the cashier’s problem: refused, unreachable, timeout, no answer', () => {
    const e = (code: string) => Object.assign(new Error(code), { code });
    expect(socketProblem(e('ECONNREFUSED'), 'connect').problem).toBe('refused');
    for (const code of ['EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])
      expect(socketProblem(e(code), 'connect')).toMatchObject({ problem: 'unreachable', detail: code });
    expect(socketProblem(e('ETIMEDOUT'), 'connect').problem).toBe('timeout');
    expect(socketProblem(e('ECONNRESET'), 'talk').problem).toBe('no_answer');
  });

  it('every problem has a sentence in both languages, and only a bad job is final', () => {
    for (const p of PRINTER_PROBLEMS) {
      const err = new PrinterError(p, 'x');
      expect(err.sentence('id').length).toBeGreaterThan(20);
      expect(err.sentence('en').length).toBeGreaterThan(20);
      expect(err.sentence('id')).not.toBe(err.sentence('en'));
      expect(err.transient).toBe(p !== 'bad_job');
    }
    expect(Object.keys(PRINTER_PROBLEM_TEXT.id).sort()).toEqual([...PRINTER_PROBLEMS].sort());
  });
});

describe('retry policy', () => {
  it('doubles from one second to a ceiling of fifteen', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => retryDelay(DEFAULT_RETRY, n))).toEqual([
      1000, 2000, 4000, 8000, 15000, 15000, 15000,
    ]);
  });
});

describe('receipt words', () => {
  it('exist in both languages with the same placeholders', () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(RECEIPT_LABELS.en).sort()).toEqual(Object.keys(RECEIPT_LABELS.id).sort());
    for (const key of Object.keys(RECEIPT_LABELS.id) as (keyof typeof RECEIPT_LABELS.id)[]) {
      expect(RECEIPT_LABELS.en[key].trim(), key).not.toBe('');
      expect(ph(RECEIPT_LABELS.en[key]), key).toEqual(ph(RECEIPT_LABELS.id[key]));
    }
  });

  it('print times in the shop’s zone whatever the machine’s zone', () => {
    expect(formatReceiptTime('2026-11-25T16:59:00Z', 'Asia/Jakarta')).toBe('25-11-2026 23:59 WIB');
    expect(formatReceiptTime('2026-11-25T17:00:00Z', 'Asia/Jakarta')).toBe('26-11-2026 00:00 WIB');
    expect(formatReceiptTime('2026-11-25T17:00:00Z', 'Asia/Jayapura')).toBe('26-11-2026 02:00 WIT');
    expect(formatReceiptTime('2026-11-25T17:00:00Z', 'Europe/Amsterdam')).toBe('25-11-2026 18:00 Europe/Amsterdam');
  });
});

describe('printer settings', () => {
  it('default to no printer and auto-print off, persist, and keep good fields when one is damaged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pos-printer-settings-'));
    try {
      const store = new PrinterSettingsStore(dir);
      expect(store.view()).toMatchObject({ target: { kind: 'none' }, autoPrint: false, paperWidth: 58 });
      // Auto-print needs a printer.
      expect(store.update({ autoPrint: true }).autoPrint).toBe(false);
      store.update({
        target: { kind: 'tcp', host: '192.168.1.50', port: 9100 },
        autoPrint: true,
        paperWidth: 80,
        headerLines: ['  Jl. Merdeka 1 ', ''],
      });
      expect(new PrinterSettingsStore(dir).view()).toMatchObject({
        target: { kind: 'tcp', host: '192.168.1.50', port: 9100 },
        autoPrint: true,
        paperWidth: 80,
        headerLines: ['Jl. Merdeka 1'],
      });
      const file = join(dir, 'printer.json');
      const raw = JSON.parse(readFileSync(file, 'utf8'));
      raw.printer.paperWidth = 63;
      writeFileSync(file, JSON.stringify(raw));
      expect(new PrinterSettingsStore(dir).view()).toMatchObject({ paperWidth: 58, autoPrint: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuse an address that is not a host, a port out of range, or a printer name with control characters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pos-printer-settings-'));
    try {
      const store = new PrinterSettingsStore(dir);
      for (const target of [
        { kind: 'tcp', host: 'http://evil.example/', port: 9100 },
        { kind: 'tcp', host: '192.168.1.50', port: 70000 },
        { kind: 'tcp', host: '', port: 9100 },
        { kind: 'os', deviceName: 'EPSON\u0000' },
      ])
        expect(() => store.update({ target: target as never })).toThrow(
          expect.objectContaining({ code: 'invalid_input' }),
        );
      expect(store.view().target).toEqual({ kind: 'none' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
