/**
 * Runs in every benchmark page before the app's own scripts (an init script). It records,
 * on the page's wall clock (performance.timeOrigin + performance.now(), comparable with
 * Node's), when things the cashier or customer sees first happen:
 *  - qr:   a canvas with a data-testid is drawn (the synchronous run of fillRect calls that
 *          draws the modules ends, or an ImageData is put), the start of the first animation
 *          frame after it (the frame that shows it), and how long the drawing took;
 *  - seen: a CSS selector armed with `arm()` first matches the document;
 *  - keypad: navigation start to the keypad's key-1 being visible and enabled.
 * Kept as a string so it runs unchanged in the page whatever the bench is compiled to.
 */
export const PAGE_PROBE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const bench = { draws: [], seen: {}, armed: {}, keypadReadyMs: null };
  window.__bench = bench;
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
    bench.draws.push(entry);
    requestAnimationFrame(() => { entry.frameAt = now(); });
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
        bench.draws.push(entry);
        requestAnimationFrame(() => { entry.frameAt = now(); });
      });
    }
    return result;
  };
  bench.reset = () => { bench.draws.length = 0; bench.seen = {}; bench.armed = {}; };
  bench.firstDraw = (testId, after) => bench.draws.find((d) => d.testId === testId && d.drawnAt >= after && d.frameAt !== null) || null;
  const check = () => {
    for (const [name, selector] of Object.entries(bench.armed)) {
      if (bench.seen[name]) continue;
      if (document.querySelector(selector)) {
        const entry = { seenAt: now(), frameAt: null };
        bench.seen[name] = entry;
        requestAnimationFrame(() => { entry.frameAt = now(); });
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
  bench.arm = (name, selector) => { bench.armed[name] = selector; delete bench.seen[name]; check(); };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;
