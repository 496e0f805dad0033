import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRupiah } from '../../src/shared/money';
import { startApp, type RunningApp } from './support/app';
import { checkLayout, resizeCustomer } from './support/layout';

/**
 * The customer display at every screen size shops use, in both languages: nothing outside
 * the window or cut, the total the largest text, and the QR read back from a screenshot as
 * a phone camera would, at 4 or more screen pixels per module.
 */
const SIZES = [
  { width: 800, height: 480 },
  { width: 1024, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 1080, height: 1920 },
] as const;
const SHOT_SIZES = new Set(['800x480', '1920x1080']);

const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });

/** A picture made here (no file from elsewhere): stripes and a frame, PNG-encoded. */
function picture(width: number, height: number, hue: number): string {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const edge = x < 12 || y < 12 || x >= width - 12 || y >= height - 12;
      const stripe = Math.floor((x + y) / 40) % 2 === 0;
      png.data[i] = edge ? 20 : stripe ? hue : 250;
      png.data[i + 1] = edge ? 20 : stripe ? 120 : 200;
      png.data[i + 2] = edge ? 20 : stripe ? 255 - hue : 80;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png).toString('base64');
}

for (const lang of ['id', 'en'] as const) {
  describe(`customer display in ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp({ language: lang });
      await app.customer.getByTestId('customer-state').waitFor();
    });
    afterAll(async () => {
      await app?.close();
    });

    async function atEverySize(state: string, shot: string, check: (size: string) => Promise<void>): Promise<void> {
      for (const s of SIZES) {
        const size = `${s.width}x${s.height}`;
        await resizeCustomer(app.customer, s);
        await expect.poll(() => app.customer.getByTestId('customer-state').getAttribute('data-state')).toBe(state);
        const facts = await checkLayout(app.customer);
        expect(facts.problems, `${state} at ${size} (${lang})`).toEqual([]);
        await check(size);
        if (SHOT_SIZES.has(size))
          await app.customer.screenshot({ path: join(outDir, `customer-${shot}-${size}-${lang}.png`) });
      }
    }

    async function totalIsLargest(size: string): Promise<void> {
      const facts = await checkLayout(app.customer);
      expect(facts.totalFont, `total shown at ${size}`).not.toBeNull();
      expect(facts.largestFont.px, `largest text at ${size} is "${facts.largestFont.text}"`).toBeLessThanOrEqual(
        facts.totalFont!,
      );
    }

    it('welcome screen with the shop name, logo, ways to pay and a promotion', async () => {
      expect((await app.call('updateSettings', { shopName: 'Warung Bu Sri Makmur Jaya Sentosa' })).ok).toBe(true);
      expect((await app.call('addDisplayImage', { slot: 'logo', data: picture(400, 200, 200) })).ok).toBe(true);
      expect((await app.call('addDisplayImage', { slot: 'promo', data: picture(1600, 900, 40) })).ok).toBe(true);
      await app.customer.getByTestId('customer-promo').waitFor();
      await app.customer.getByTestId('customer-logo').waitFor();
      await atEverySize('idle', 'idle', async () => {
        expect(await app.customer.getByTestId('customer-shop').textContent()).toBe('Warung Bu Sri Makmur Jaya Sentosa');
        expect(await app.customer.getByTestId('customer-accept').textContent()).toContain('QRIS');
      });
    });

    it('QRIS: the total is the largest text and the QR scans at every size', async () => {
      const sale = await app.call<{ orderId: string; totalPayment: number }>('charge', {
        amount: 9_876_500,
        method: 'qris',
      });
      expect(sale.ok).toBe(true);
      await app.customer.getByTestId('customer-qr').waitFor();
      // The welcome waits under the QR, hidden, rather than being taken down.
      expect(await app.customer.getByTestId('customer-idle').count()).toBe(1);
      expect(await app.customer.getByTestId('customer-idle').isVisible()).toBe(false);
      const view = await app.call<{ totalPayment: number; paymentNumber: string }>('getActiveSale');
      const total = formatRupiah(view.value!.totalPayment);
      await atEverySize('awaiting', 'qris', async (size) => {
        expect(await app.customer.getByTestId('customer-total').textContent()).toBe(total);
        await app.customer.getByTestId('customer-countdown').waitFor();
        await totalIsLargest(size);
        const qr = app.customer.getByTestId('customer-qr');
        const png = PNG.sync.read(await qr.screenshot());
        const code = jsQR(
          new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
          png.width,
          png.height,
        );
        expect(code?.data, `QR at ${size}`).toBe(view.value!.paymentNumber);
        const modules = 17 + 4 * code!.version + 8; // with the 4-module quiet zone each side
        const cssWidth = (await qr.boundingBox())!.width;
        expect(cssWidth / modules, `pixels per module at ${size}`).toBeGreaterThanOrEqual(4);
      });
      expect((await app.call('cancelSale', { orderId: sale.value!.orderId })).ok).toBe(true);
      // The cashier puts the sale away: the welcome is back as it was, and the QR is gone.
      expect((await app.call('dismissSale', { orderId: sale.value!.orderId })).ok).toBe(true);
      await app.customer.getByTestId('customer-idle').waitFor();
      expect(await app.customer.getByTestId('customer-shop').textContent()).toBe('Warung Bu Sri Makmur Jaya Sentosa');
      expect(await app.customer.getByTestId('customer-qr').count()).toBe(0);
    });

    it('bank transfer: the VA number and the total fit at every size', async () => {
      const sale = await app.call<{ orderId: string }>('charge', { amount: 12_345_678, method: 'cimb_niaga_va' });
      expect(sale.ok).toBe(true);
      await app.customer.getByTestId('customer-va-number').waitFor();
      await atEverySize('awaiting', 'va', async (size) => {
        await totalIsLargest(size);
      });
      await app.call('simulatePayment', { orderId: sale.value!.orderId });
      await expect
        .poll(() => app.customer.getByTestId('customer-state').getAttribute('data-state'), { timeout: 15_000 })
        .toBe('paid');
      await atEverySize('paid', 'paid', async (size) => {
        await app.customer.getByTestId('customer-line-total').waitFor();
        await totalIsLargest(size);
      });
    });
  });
}
