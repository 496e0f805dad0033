import type { QuietPage } from './quiet-browser';

/**
 * Runs in every benchmark page before the app's own scripts (an init script). It records,
 * on the bench's Node clock (the page's performance.timeOrigin + performance.now(), less the
 * page's measured offset from Node: see page-clock.ts), when things the cashier or customer
 * sees first happen:
 *  - qr:   a canvas with a data-testid is drawn (the synchronous run of fillRect calls that
 *          draws the modules ends, or an ImageData is put), the start of the first animation
 *          frame after it (the frame that shows it), and how long the drawing took;
 *  - seen: a CSS selector armed with `arm()` first matches the document;
 *  - keypad: navigation start to the keypad's key-1 being visible and enabled.
 * Kept as a string so it runs unchanged in the page whatever the bench is compiled to.
 */
export const PAGE_PROBE = `(() => {
  // clockOffset is set by the bench once the page has loaded (page minus Node, ms).
  const bench = { clockOffset: 0, draws: [], seen: {}, armed: {}, keypadReadyMs: null, waiters: [], seenWaiters: [] };
  const now = () => performance.timeOrigin + performance.now() - bench.clockOffset;
  bench.now = now;
  window.__bench = bench;
  // A draw is recorded, and its frame start noted; a page-side wait for it is answered at once.
  const drawn = (entry) => {
    bench.draws.push(entry);
    requestAnimationFrame(() => {
      entry.frameAt = now();
      for (const w of bench.waiters.splice(0)) if (!w(entry)) bench.waiters.push(w);
    });
  };
  const proto = CanvasRenderingContext2D.prototype;
  const put = proto.putImageData;
  const createImage = proto.createImageData;
  // The QR library fills an ImageData pixel by pixel between these two calls.
  proto.createImageData = function (...args) {
    this.__benchFillStart = now();
    return createImage.apply(this, args);
  };
  proto.putImageData = function (...args) {
    const result = put.apply(this, args);
    const drawnAt = now();
    const testId = this.canvas && this.canvas.getAttribute('data-testid');
    const fillMs = this.__benchFillStart ? drawnAt - this.__benchFillStart : null;
    const entry = { testId, drawnAt, frameAt: null, fillMs, width: this.canvas ? this.canvas.width : null };
    drawn(entry);
    return result;
  };
  // The app draws the QR as one synchronous batch of fillRect calls: the batch ends at the
  // next microtask, which is when the canvas holds the whole QR.
  const fill = proto.fillRect;
  proto.fillRect = function (...args) {
    const result = fill.apply(this, args);
    const canvas = this.canvas;
    const testId = canvas && canvas.getAttribute('data-testid');
    if (testId && !this.__benchBatch) {
      const start = now();
      this.__benchBatch = true;
      queueMicrotask(() => {
        this.__benchBatch = false;
        const drawnAt = now();
        const entry = { testId, drawnAt, frameAt: null, fillMs: drawnAt - start, width: canvas.width };
        drawn(entry);
      });
    }
    return result;
  };
  bench.reset = () => { bench.draws.length = 0; bench.seen = {}; bench.armed = {}; bench.waiters.length = 0; bench.seenWaiters.length = 0; };
  bench.firstDraw = (testId, after) => bench.draws.find((d) => d.testId === testId && d.drawnAt >= after && d.frameAt !== null) || null;
  // Settles inside the page when the first draw of testId at or after 'after' has its frame: the
  // bench awaits this one evaluate instead of polling, so it sends nothing to the browser while
  // a sale is being timed (see nextDraw's use in sale-in-browser.ts).
  bench.nextDraw = (testId, after, timeoutMs) => new Promise((resolve, reject) => {
    const found = bench.firstDraw(testId, after);
    if (found) return resolve(found);
    const timer = setTimeout(() => reject(new Error('no ' + testId + ' drawn within ' + timeoutMs + ' ms')), timeoutMs);
    bench.waiters.push((d) => {
      if (d.testId !== testId || d.drawnAt < after) return false;
      clearTimeout(timer);
      resolve(d);
      return true;
    });
  });
  const check = () => {
    for (const [name, selector] of Object.entries(bench.armed)) {
      if (bench.seen[name]) continue;
      if (document.querySelector(selector)) {
        const entry = { seenAt: now(), frameAt: null };
        bench.seen[name] = entry;
        requestAnimationFrame(() => {
          entry.frameAt = now();
          for (const w of bench.seenWaiters.splice(0)) if (!w(name, entry)) bench.seenWaiters.push(w);
        });
      }
    }
    if (bench.keypadReadyMs === null) {
      const key = document.querySelector('[data-testid="key-1"]');
      if (key && !key.disabled) {
        const box = key.getBoundingClientRect();
        const style = getComputedStyle(key);
        if (box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none') bench.keypadReadyMs = performance.now();
      }
    }
  };
  // Settles inside the page with the frame that first showed an armed selector: one evaluate
  // awaits it, so the bench sends nothing to the page while it waits.
  bench.whenSeen = (name, timeoutMs) => new Promise((resolve, reject) => {
    const entry = bench.seen[name];
    if (entry && entry.frameAt !== null) return resolve(entry.frameAt);
    const timer = setTimeout(() => reject(new Error(name + ' not seen within ' + timeoutMs + ' ms')), timeoutMs);
    bench.seenWaiters.push((seenName, e) => {
      if (seenName !== name) return false;
      clearTimeout(timer);
      resolve(e.frameAt);
      return true;
    });
  });
  bench.arm = (name, selector) => { bench.armed[name] = selector; delete bench.seen[name]; check(); };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** Waits inside the page for the probe's keypad mark: navigation start to key-1 visible and enabled, ms. */
export function keypadReadyMs(page: QuietPage, timeoutMs = 15_000): Promise<number> {
  return page.evaluate(
    (timeout) =>
      new Promise<number>((resolve, reject) => {
        const bench = (window as unknown as { __bench: { keypadReadyMs: number | null } }).__bench;
        const until = performance.now() + timeout;
        const check = () => {
          if (bench.keypadReadyMs !== null) return resolve(bench.keypadReadyMs);
          if (performance.now() > until) return reject(new Error('the keypad was not ready in time'));
          requestAnimationFrame(check);
        };
        check();
      }),
    timeoutMs,
  );
}
