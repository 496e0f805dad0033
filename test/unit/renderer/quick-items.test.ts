import { describe, expect, it } from 'vitest';
import { itemsByCategory, MAX_QTY, priceCart, searchItems, type ItemView } from '../../../src/shared/items';
import { MAX_AMOUNT } from '../../../src/shared/methods';
import { addItem, changeQty, keepKnown, removeLine } from '../../../src/renderer/src/lib/cart';
import { cartLayout } from '../../../src/renderer/src/lib/cart-layout';
import { inputOfDraft } from '../../../src/renderer/src/lib/item-draft';
import { jobsOfSale, receiptJobLine, receiptRef } from '../../../src/renderer/src/lib/receipt-job';
import { ScanDetector } from '../../../src/renderer/src/lib/scanner';
import type { PrinterStatusView, PrintJobView } from '../../../src/shared/printing';

const ITEMS: ItemView[] = [
  { itemId: 'kopi', name: 'Kopi susu', price: 18_000, category: 'Minuman', barcode: '8991002100015' },
  { itemId: 'teh', name: 'Teh manis', price: 6_000, category: 'Minuman', barcode: null },
  { itemId: 'roti', name: 'Roti bakar', price: 12_000, category: 'Makanan', barcode: null },
  { itemId: 'es', name: 'Es batu', price: 1_000, category: '', barcode: null },
];
const CATALOGUE = new Map(ITEMS.map((i) => [i.itemId, i]));

describe('the cart', () => {
  it('adds one more of a picked item on its own line, and removes a line brought to zero', () => {
    let cart = addItem([], 'kopi');
    cart = addItem(cart, 'roti');
    cart = addItem(cart, 'kopi');
    expect(cart).toEqual([
      { itemId: 'kopi', qty: 2 },
      { itemId: 'roti', qty: 1 },
    ]);
    cart = changeQty(cart, 1, -1);
    expect(cart).toEqual([{ itemId: 'kopi', qty: 2 }]);
    expect(changeQty([{ itemId: 'kopi', qty: MAX_QTY }], 0, +1)).toEqual([{ itemId: 'kopi', qty: MAX_QTY }]);
    expect(removeLine(cart, 0)).toEqual([]);
    expect(keepKnown([{ itemId: 'gone', qty: 1 }, ...cart], new Set(['kopi']))).toEqual(cart);
  });

  it('is priced from the catalogue, and refuses a removed item or a total beyond one sale', () => {
    const priced = priceCart(CATALOGUE, [
      { itemId: 'kopi', qty: 2 },
      { itemId: 'teh', qty: 3 },
    ]);
    expect(priced).toEqual({
      ok: true,
      cart: {
        total: 54_000,
        lines: [
          { itemId: 'kopi', name: 'Kopi susu', qty: 2, unitPrice: 18_000, total: 36_000 },
          { itemId: 'teh', name: 'Teh manis', qty: 3, unitPrice: 6_000, total: 18_000 },
        ],
      },
    });
    expect(priceCart(CATALOGUE, [{ itemId: 'gone', qty: 1 }])).toEqual({
      ok: false,
      problem: { code: 'unknown_item', itemId: 'gone' },
    });
    const dear = new Map([['tv', { ...ITEMS[0]!, itemId: 'tv', price: MAX_AMOUNT }]]);
    expect(priceCart(dear, [{ itemId: 'tv', qty: 2 }])).toMatchObject({ ok: false, problem: { code: 'too_much' } });
  });

  it('groups tiles by category (no category last) and finds items by any word', () => {
    expect(itemsByCategory(ITEMS).map((g) => [g.category, g.items.map((i) => i.itemId)])).toEqual([
      ['Makanan', ['roti']],
      ['Minuman', ['kopi', 'teh']],
      ['', ['es']],
    ]);
    expect(searchItems(ITEMS, 'teh').map((i) => i.itemId)).toEqual(['teh']);
    expect(searchItems(ITEMS, 'minuman susu').map((i) => i.itemId)).toEqual(['kopi']);
    expect(searchItems(ITEMS, '8991002').map((i) => i.itemId)).toEqual(['kopi']);
    expect(searchItems(ITEMS, '   ')).toEqual([]);
  });

  it("reads the owner's price as whole rupiah, with or without thousands dots; anything else goes to main as NaN", () => {
    const draft = { itemId: null, name: 'Kopi', price: '18.000', category: '', barcode: '' };
    expect(inputOfDraft(draft)).toEqual({ name: 'Kopi', price: 18_000, category: '', barcode: null });
    expect(inputOfDraft({ ...draft, price: '18,5' }).price).toBeNaN();
    expect(inputOfDraft({ ...draft, price: '' }).price).toBeNaN();
  });
});

describe('the barcode scanner', () => {
  /** Keys at the given times (ms), then Enter `enterAfter` ms after the last. */
  const typed = (d: ScanDetector, text: string, gapMs: number, start = 1000) => {
    let at = start;
    const starts: number[] = [];
    for (const [i, ch] of [...text].entries()) {
      if (d.key(ch, at) === 'start') starts.push(i);
      at += gapMs;
    }
    return { at: at - gapMs, starts };
  };

  it('knows a fast burst ending with Enter for a scan, and where it started', () => {
    const d = new ScanDetector();
    const { at, starts } = typed(d, '8991002100015', 4);
    expect(starts).toEqual([0]);
    expect(d.enter(at + 5)).toEqual({ scan: true, code: '8991002100015' });
  });

  it('never takes a person typing an amount and Enter for a scan, however quick they are', () => {
    const d = new ScanDetector();
    const { at } = typed(d, '25000', 90);
    expect(d.enter(at + 150)).toEqual({ scan: false });
    const quick = typed(d, '150000', 60, 5000);
    expect(d.enter(quick.at + 80)).toEqual({ scan: false });
  });

  it('takes only the burst: digits the cashier typed before it are not part of the code', () => {
    const d = new ScanDetector();
    typed(d, '12', 200);
    const { at, starts } = typed(d, '12345678', 3, 2000);
    expect(starts).toEqual([0]);
    expect(d.enter(at + 2)).toEqual({ scan: true, code: '12345678' });
  });

  it('a burst too short to be a code, or an Enter long after it, is no scan', () => {
    const d = new ScanDetector();
    const short = typed(d, '123', 3);
    expect(d.enter(short.at + 2)).toEqual({ scan: false });
    const late = typed(d, '8991002100015', 3, 9000);
    expect(d.enter(late.at + 500)).toEqual({ scan: false });
  });

  it('uses only the times it is given: a wall-clock step changes nothing', () => {
    const d = new ScanDetector({ maxGapMs: 30, minLength: 4 });
    const { at } = typed(d, 'AB-1234', 10, 1e12);
    expect(d.enter(at + 10)).toEqual({ scan: true, code: 'AB-1234' });
  });
});

describe('the cart on the customer display', () => {
  it('keeps the total the largest text and shows as many of the newest lines as fit', () => {
    for (const [w, h] of [
      [800, 480],
      [1920, 1080],
      [1080, 1920],
    ] as const) {
      const few = cartLayout(w, h, 3, 'Rp 66.000'.length, 20);
      expect(few.visible).toBe(3);
      expect(few.totalFont).toBeGreaterThan(few.lineFont);
      const many = cartLayout(w, h, 80, 'Rp 1.066.000'.length, 20);
      expect(many.visible).toBeGreaterThan(2);
      expect(many.visible).toBeLessThan(80);
      // Every row, the title and the total fit the height.
      const used = many.lineFont * 1.4 + many.totalFont * 1.4 + many.gap * 2 + (many.visible + 1) * many.lineFont * 1.6;
      expect(used).toBeLessThanOrEqual(h - many.pad * 2 + 1);
    }
  });
});

describe("a sale's receipt job, as the cashier reads it", () => {
  const job = (over: Partial<PrintJobView>): PrintJobView => ({
    id: 1,
    kind: 'sale_receipt',
    ref: 'KSR1-1',
    receiptNo: 'KSR1-000001',
    reprint: 0,
    state: 'queued',
    attempts: 0,
    lastProblem: null,
    lastDetail: null,
    opensDrawer: false,
    createdAt: '2026-11-25T07:00:00.000Z',
    updatedAt: '2026-11-25T07:00:00.000Z',
    printedAt: null,
    ...over,
  });
  const printer = (problem: PrinterStatusView['problem']) => ({ problem }) as PrinterStatusView;

  it('says printed, or which copy, and why a copy waits: its own problem first, else the printer’s', () => {
    expect(receiptJobLine(null, null)).toBeNull();
    expect(receiptJobLine(job({ state: 'done' }), null)).toMatchObject({ key: 'receipt.printed', tone: 'ok' });
    expect(receiptJobLine(job({ state: 'done', reprint: 2 }), null)).toMatchObject({
      key: 'receipt.printedCopy',
      params: { n: 2 },
    });
    expect(receiptJobLine(job({ lastProblem: 'paper_out' }), printer('refused'))).toMatchObject({
      key: 'receipt.waiting',
      problem: 'paper_out',
      tone: 'bad',
    });
    expect(receiptJobLine(job({}), printer('refused'))).toMatchObject({ problem: 'refused' });
    expect(receiptJobLine(job({}), printer(null))).toMatchObject({
      key: 'receipt.waiting',
      problem: null,
      tone: 'idle',
    });
  });

  it("finds this sale's receipt copies only, newest first", () => {
    const jobs = [
      job({ id: 1 }),
      job({ id: 3, reprint: 1 }),
      job({ id: 2, ref: 'KSR1-2' }),
      job({ id: 4, kind: 'z_report' }),
    ];
    expect(jobsOfSale(jobs, 'KSR1-1').map((j) => j.id)).toEqual([3, 1]);
  });

  it("looks for a counter sale part's receipt under its sale, an older sale's under its order", () => {
    expect(receiptRef({ orderId: 'KSR1-2', saleId: 'KSR1-1' })).toBe('KSR1-1');
    expect(receiptRef({ orderId: 'KSR1-2', saleId: null })).toBe('KSR1-2');
  });
});
