import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { PRINTER_PROBLEM_TEXT } from '../../src/shared/printer-problem-text';
import { decodeEscPos } from '../support/escpos/decoder';
import { startTestPrinter, type TestPrinter } from '../support/test-printer';
import { startApp, type RunningApp } from './support/app';

/**
 * Receipt printing as the owner and the cashier meet it, in Chromium through the harness:
 * set up a network printer in Settings, test print, sell, the receipt prints; the printer
 * goes off, the cashier sees why, and the receipt prints when it is back.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });

for (const lang of ['id', 'en'] as const) {
  describe(`printing (${lang})`, () => {
    const dict = lang === 'id' ? id : en;
    const other = lang === 'id' ? en : id;
    let app: RunningApp;
    let printer: TestPrinter;

    beforeAll(async () => {
      printer = await startTestPrinter();
      app = await startApp({ language: lang });
    });
    afterAll(async () => {
      await app?.close();
      await printer?.close();
    });

    async function shot(name: string): Promise<void> {
      const page = app.cashier;
      for (const [w, h] of [
        [1366, 768],
        [1024, 768],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.waitForTimeout(100);
        await page.screenshot({ path: join(outDir, `cashier-${name}-${w}-${lang}.png`) });
      }
      await page.setViewportSize({ width: 1366, height: 768 });
      const text = await page.locator('body').innerText();
      for (const key of Object.keys(id).filter((k) => k.startsWith('printer.')))
        expect(text, `raw key ${key}`).not.toContain(key);
      for (const key of Object.keys(id) as (keyof typeof id)[]) {
        const foreign = other[key];
        if (foreign.length >= 14 && !foreign.includes('{') && foreign !== dict[key])
          expect(text, `${name} shows "${foreign}"`).not.toContain(foreign);
      }
    }

    const sell = async (digits: string) => {
      await app.cashier.getByTestId('nav-sale').click();
      for (const k of digits) await app.cashier.keyboard.press(k);
      // The Sale tab keeps the focus after the click, and a focused button keeps Enter: charge by the button.
      await app.cashier.getByTestId('charge').click();
      await app.cashier.getByTestId('simulate').click();
      await app.cashier.getByTestId('outcome-paid').waitFor({ timeout: 15_000 });
      await app.cashier.getByTestId('new-sale').click();
    };

    it('sets up a network printer, test prints, and a paid sale prints its receipt', async () => {
      const c = app.cashier;
      await c.getByTestId('nav-settings').click();
      const section = c.getByTestId('printer-section');
      await section.waitFor();
      await expect.poll(() => c.getByTestId('printer-status').textContent()).toContain(dict['printer.status.none']);
      await c.getByTestId('printer-kind').selectOption('tcp');
      await c.getByTestId('printer-host').fill(printer.host);
      await c.getByTestId('printer-port').fill(String(printer.port));
      await c.getByTestId('printer-auto').check();
      await c.getByTestId('printer-header').fill('Jl. Merdeka 12, Bandung');
      await c.getByTestId('printer-save').click();
      await c.getByText(dict['printer.saved']).waitFor();

      await c.getByTestId('printer-test').click();
      const verdict = c.getByTestId('printer-test-result');
      await verdict.waitFor();
      expect(await verdict.getAttribute('data-problem')).toBe('');
      const [test] = await printer.waitForJobs(1);
      expect(decodeEscPos(test!).lines.join('\n')).toContain(lang === 'id' ? 'TES PRINTER' : 'PRINTER TEST');
      await section.scrollIntoViewIfNeeded();
      await shot('settings-printer');

      await sell('25000');
      const [, receipt] = await printer.waitForJobs(2);
      const lines = decodeEscPos(receipt!).lines.join('\n');
      expect(lines).toMatch(/TOTAL +Rp 25\.000/);
      expect(lines).toContain('Jl. Merdeka 12, Bandung');
      expect(lines).toContain(lang === 'id' ? 'LUNAS' : 'PAID');
    });

    it('a printer that is off: the sale goes on, the cashier sees why, the receipt prints when it is back', async () => {
      const c = app.cashier;
      await printer.setMode('refuse');
      await sell('17000');
      const banner = c.getByTestId('printer-banner');
      await banner.waitFor();
      await expect.poll(() => banner.textContent()).toContain(PRINTER_PROBLEM_TEXT[lang].refused);
      await shot('printer-banner');

      // "Try printing now" while the printer is still off: it tries, and the reason stays.
      const attempts = () => app.services.printing.listJobs(1)[0]!.attempts;
      const tried = attempts();
      await banner.getByRole('button').click();
      await expect.poll(attempts).toBeGreaterThan(tried);
      expect(await banner.textContent()).toContain(PRINTER_PROBLEM_TEXT[lang].refused);

      // The printer comes back: the queue's next try prints the receipt and the banner goes.
      const before = printer.jobs.length;
      await printer.setMode('ok');
      const jobs = await printer.waitForJobs(before + 1);
      expect(decodeEscPos(jobs[before]!).lines.join('\n')).toMatch(/TOTAL +Rp 17\.000/);
      await banner.waitFor({ state: 'detached' });
    });

    it('a test print on a printer without paper says so', async () => {
      const c = app.cashier;
      printer.set({ paperOut: true });
      await c.getByTestId('nav-settings').click();
      await c.getByTestId('printer-test').click();
      const verdict = c.getByTestId('printer-test-result');
      await expect.poll(() => verdict.getAttribute('data-problem')).toBe('paper_out');
      expect(await verdict.textContent()).toContain(PRINTER_PROBLEM_TEXT[lang].paper_out);
      await c.getByTestId('printer-section').scrollIntoViewIfNeeded();
      await shot('settings-printer-paper-out');
      printer.set({ paperOut: false });
    });
  });
}
