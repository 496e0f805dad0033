import type { OrderView } from '../src/shared/domain';
import type { OrderStore } from '../src/main/orders/order-store';
import { callsBetween } from './lib/gateway-calls';
import type { HarnessRig } from './lib/harness-rig';
import type { ClockOffset } from './lib/page-clock';
import type { QuietPage } from './lib/quiet-browser';
import { epochMs, sleep } from './lib/stats';

/**
 * The two sale measurements that need the real windows: charge to QR, and paid to shown.
 * Both run on the harness rig (the app's services in Node, the built renderer in Chromium,
 * cashier and customer display as two tabs). Every time is on the bench's Node clock: the
 * pages report theirs less their measured offset from it (page-clock.ts).
 */

interface Draw {
  testId: string;
  drawnAt: number;
  frameAt: number;
  fillMs: number | null;
  width: number | null;
}
interface Seen {
  seenAt: number;
  frameAt: number;
}
type Probe = {
  /** The page's clock, put on Node's (page-clock.ts). */
  now(): number;
  reset(): void;
  firstDraw(testId: string, after: number): Draw | null;
  nextDraw(testId: string, after: number, timeoutMs: number): Promise<Draw>;
  arm(name: string, selector: string): void;
  seen: Record<string, Seen | undefined>;
  whenSeen(name: string, timeoutMs: number): Promise<number>;
};
declare const window: { __bench: Probe };

/** A cashier window with a "charge" button and a `qr` canvas, and a customer display with a `customer-qr` canvas. */
export interface ChargePages {
  cashier: QuietPage;
  customer: QuietPage;
  /** Each page's clock against Node's, measured once it was ready (QuietPage.syncClock). */
  clocks: { cashier: ClockOffset; customer: ClockOffset };
}

export interface ChargeSample {
  orderId: string;
  /** Click on "charge" to the first frame after the QR was drawn, per window, ms. */
  cashierMs: number;
  customerMs: number;
  /** The slower of the two windows. */
  bothMs: number;
  /** Round trip(s) of the create call as the app's HTTP client saw them, ms. */
  gatewayMs: number;
  /** bothMs minus gatewayMs: the app's own time. */
  appMs: number;
  /** Where the app's time goes: click to the create request leaving (renderer, harness, journal writes)... */
  beforeCreateMs: number;
  /** ...of which click to main starting the sale's journal write (renderer, harness, checks)... */
  toJournalMs: number;
  /** ...the sale's journal write itself, flushed to disk before Pakasir is called... */
  journalMs: number;
  /** ...and the write's end to the create request leaving (create pacing, HTTP client)... */
  journalToCreateMs: number;
  /** ...create answer to the engine publishing the QR (payload checks, journal write)... */
  afterCreateMs: number;
  /** ...and publish to the slower window's frame (event delivery, React, QR drawing). */
  deliverMs: number;
  /** Time the QR library spent filling the canvas pixels, per window (canvas side in px). */
  cashierFillMs: number | null;
  customerFillMs: number | null;
  cashierQrPx: number | null;
  customerQrPx: number | null;
  /** Each window's renderer main thread from just before the click to the QR's frame: all its tasks, and the script among them, ms. */
  cashierTaskMs: number;
  customerTaskMs: number;
  cashierScriptMs: number;
  customerScriptMs: number;
}

async function enterAmount(page: QuietPage, digits: string): Promise<void> {
  await page.click('[data-testid="key-clear"]');
  for (const d of digits) await page.click(`[data-testid="key-${d}"]`);
}

/** Both windows back at rest: the keypad on the cashier, the welcome on the customer display. */
async function backToIdle(rig: HarnessRig, orderId: string, cancel: boolean): Promise<void> {
  if (cancel) await rig.services.payments.cancelSale(orderId);
  rig.services.payments.dismissSale(orderId);
  await rig.cashier.waitVisible('[data-testid="key-1"]');
  await rig.customer.waitVisible('[data-testid="customer-state"][data-state="idle"]');
}

const DRAW_TIMEOUT_MS = 15_000;

/**
 * The cashier's pause between the amount's last key and "charge": a hand moving from a digit
 * to the charge key or button takes longer than this. Without it the bench clicked within a
 * frame or two of its last key, while the window was still drawing that key's frames, so the
 * QR's frame often waited for the next display refresh (cashier's wait from QR drawn to its
 * frame, p95 in one pair of runs: 16 ms without the pause, 5.6 ms with it). The bare counter
 * has no keypad, so it always met the click idle.
 */
const CASHIER_PAUSE_MS = 150;

/**
 * Clicks "charge" and waits for the QR's frame on both windows. Both waits run inside the
 * pages and are sent before the click: the bench drives Chromium from the same Node process
 * that runs the app's services, and every protocol message it writes while a sale is timed
 * (a polling wait sends several) takes that process's event loop away from the sale. A real
 * Electron main process has no test driver in it, so nothing is sent until both frames are in.
 */
async function chargeAndWaitQr(rig: ChargePages): Promise<{ t0: number; cashier: Draw; customer: Draw }> {
  await rig.customer.evaluate(() => window.__bench.reset());
  // Anything the customer display draws after this reset is this sale's; checked against t0 below.
  const customer = rig.customer.evaluate(
    (timeout) => window.__bench.nextDraw('customer-qr', 0, timeout),
    DRAW_TIMEOUT_MS,
  );
  const cashier = rig.cashier.evaluate((timeout) => {
    window.__bench.reset();
    const button = document.querySelector('[data-testid="charge"]') as HTMLButtonElement | null;
    if (!button || button.disabled) throw new Error('the charge button is not ready');
    const t0 = window.__bench.now();
    button.click();
    return window.__bench.nextDraw('qr', t0, timeout).then((draw) => ({ t0, draw }));
  }, DRAW_TIMEOUT_MS);
  const [c, customerDraw] = await Promise.all([cashier, customer]);
  if (customerDraw.drawnAt < c.t0) throw new Error('the customer display drew a QR before charge was clicked');
  return { t0: c.t0, cashier: c.draw, customer: customerDraw };
}

interface Span {
  startedAt: number;
  endedAt: number;
}

/**
 * When main journals each sale (openSale, the write flushed to disk before Pakasir is called),
 * timed by wrapping that method on the store the engine writes through. A probe of the bench
 * only: the app's code is unchanged, and stop() puts the method back.
 */
function timeSaleWrites(store: OrderStore): { get(orderId: string): Span | undefined; stop(): void } {
  const original = store.openSale;
  const spans = new Map<string, Span>();
  store.openSale = function timedOpenSale(this: OrderStore, order) {
    const startedAt = epochMs();
    const record = original.call(this, order);
    spans.set(record.orderId, { startedAt, endedAt: epochMs() });
    return record;
  };
  return {
    get: (orderId) => spans.get(orderId),
    stop: () => {
      store.openSale = original;
    },
  };
}

function activeOrderId(rig: HarnessRig): string {
  const sale = rig.services.payments.getActiveSale();
  if (!sale) throw new Error('no active sale after charge');
  return sale.orderId;
}

/**
 * One warm-up sale runs first and is not counted: the first QR after start pays for compiling
 * the QR library and the payment screens, once per app start, not per sale.
 */
export async function measureChargeToQr(rig: HarnessRig, samples: number, amount = '25000'): Promise<ChargeSample[]> {
  const out: ChargeSample[] = [];
  const writes = timeSaleWrites(rig.services.store);
  try {
    for (let i = 0; i <= samples; i += 1) {
      await enterAmount(rig.cashier, amount);
      await sleep(CASHIER_PAUSE_MS);
      const [cashierBefore, customerBefore] = [await rig.cashier.mainThreadTime(), await rig.customer.mainThreadTime()];
      let publishedAt = 0;
      const off = rig.services.bus.on('orderUpdated', (o: OrderView) => {
        if (o.state === 'awaiting_payment' && !publishedAt) publishedAt = epochMs();
      });
      const { t0, ...frames } = await chargeAndWaitQr(rig);
      off();
      const [cashierAfter, customerAfter] = [await rig.cashier.mainThreadTime(), await rig.customer.mainThreadTime()];
      const orderId = activeOrderId(rig);
      const end = Math.max(frames.cashier.frameAt, frames.customer.frameAt);
      const creates = callsBetween(t0 - 1, end).filter((c) => c.route === 'create' && c.key === orderId);
      if (creates.length === 0) throw new Error(`no create call seen for ${orderId}`);
      const gatewayMs = creates.reduce((sum, c) => sum + (c.endedAt - c.startedAt), 0);
      const bothMs = end - t0;
      const first = creates[0]!;
      const last = creates[creates.length - 1]!;
      const written = writes.get(orderId);
      if (!written) throw new Error(`no journal write seen for ${orderId}`);
      if (i > 0)
        out.push({
          orderId,
          cashierMs: frames.cashier.frameAt - t0,
          customerMs: frames.customer.frameAt - t0,
          bothMs,
          gatewayMs,
          appMs: bothMs - gatewayMs,
          beforeCreateMs: first.startedAt - t0,
          toJournalMs: written.startedAt - t0,
          journalMs: written.endedAt - written.startedAt,
          journalToCreateMs: first.startedAt - written.endedAt,
          afterCreateMs: publishedAt - last.endedAt,
          deliverMs: end - publishedAt,
          cashierFillMs: frames.cashier.fillMs,
          customerFillMs: frames.customer.fillMs,
          cashierQrPx: frames.cashier.width,
          customerQrPx: frames.customer.width,
          cashierTaskMs: cashierAfter.taskMs - cashierBefore.taskMs,
          customerTaskMs: customerAfter.taskMs - customerBefore.taskMs,
          cashierScriptMs: cashierAfter.scriptMs - cashierBefore.scriptMs,
          customerScriptMs: customerAfter.scriptMs - customerBefore.scriptMs,
        });
      await backToIdle(rig, orderId, true);
      // Creates are spaced 500 ms apart by the engine (Pakasir's ~2/s): wait it out so the
      // pacing never lands inside the measured window.
      await sleep(550);
    }
  } finally {
    writes.stop();
  }
  return out;
}

export interface BareSample {
  /** Click to the slower window's frame, minus the create's round trip, ms. */
  appMs: number;
  gatewayMs: number;
}

/**
 * The same clock on the bare counter (bare-counter.ts): click, both frames, the create's
 * round trip subtracted; one warm-up sale first, and the same spacing between sales.
 */
export async function measureBareCharge(pages: ChargePages, samples: number): Promise<BareSample[]> {
  const out: BareSample[] = [];
  for (let i = 0; i <= samples; i += 1) {
    const { t0, ...frames } = await chargeAndWaitQr(pages);
    const end = Math.max(frames.cashier.frameAt, frames.customer.frameAt);
    const creates = callsBetween(t0 - 1, end).filter((c) => c.route === 'create');
    if (creates.length !== 1) throw new Error(`the bare counter sent ${creates.length} creates for one charge`);
    const gatewayMs = creates[0]!.endedAt - creates[0]!.startedAt;
    if (i > 0) out.push({ appMs: end - t0 - gatewayMs, gatewayMs });
    await sleep(550);
  }
  return out;
}

export interface PaidSample {
  orderId: string;
  /** Payment to the engine publishing `paid` (Node side), ms. */
  engineMs: number;
  /** Payment to the first frame showing paid, per window, ms. */
  cashierMs: number;
  customerMs: number;
  bothMs: number;
}

/** A sale is paid at a random moment after its QR is up; how long until both windows show it. */
export async function measurePaidToShown(
  rig: HarnessRig,
  samples: number,
  maxPayDelayMs: number,
  random: () => number,
): Promise<PaidSample[]> {
  const out: PaidSample[] = [];
  for (let i = 0; i < samples; i += 1) {
    await enterAmount(rig.cashier, '18500');
    await chargeAndWaitQr(rig);
    const orderId = activeOrderId(rig);
    await sleep(random() * maxPayDelayMs);
    await rig.cashier.evaluate(() => window.__bench.arm('paid', '[data-testid="outcome-paid"]'));
    await rig.customer.evaluate(() => window.__bench.arm('paid', '[data-testid="customer-state"][data-state="paid"]'));
    let publishedAt = 0;
    const off = rig.services.bus.on('orderUpdated', (o: OrderView) => {
      if (o.orderId === orderId && o.state === 'paid' && !publishedAt) publishedAt = epochMs();
    });
    const paidAt = epochMs();
    rig.sim.pay(orderId);
    const wait = (page: QuietPage) => page.evaluate((timeout) => window.__bench.whenSeen('paid', timeout), 20_000);
    const [cashierAt, customerAt] = await Promise.all([wait(rig.cashier), wait(rig.customer)]);
    off();
    out.push({
      orderId,
      engineMs: publishedAt - paidAt,
      cashierMs: cashierAt - paidAt,
      customerMs: customerAt - paidAt,
      bothMs: Math.max(cashierAt, customerAt) - paidAt,
    });
    await backToIdle(rig, orderId, false);
    await sleep(550);
  }
  return out;
}
