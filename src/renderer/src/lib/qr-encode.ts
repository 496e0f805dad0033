import QRCode from 'qrcode';
import { buildQrisPayload } from '@shared/qris-payload';

/** A QR's modules: `size` x `size`, row by row, 1 for dark. */
export type QrCode = { size: number; data: Uint8Array };

/**
 * The QR for `text` at error correction M (what every QRIS wallet scanner reads reliably
 * from a screen), or null when the text cannot be encoded (too long for any QR version).
 */
export function encodeQr(text: string): QrCode | null {
  try {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    return { size: modules.size, data: modules.data };
  } catch {
    return null;
  }
}

/** What the browser gives an idle callback: how long this quiet moment lasts. */
export interface IdleDeadline {
  timeRemaining(): number;
}

export interface WarmClock {
  /** Runs `fn` when the window has nothing else to do. */
  whenIdle(fn: (deadline: IdleDeadline) => void): void;
  /** Runs `fn` every `ms`; returns a stop. */
  every(ms: number, fn: () => void): () => void;
}

/** Encodes after the first one, each a fresh payload, so the engine compiles the encoder fully. */
export const WARM_RUNS = 60;
/**
 * An idle window may keep its compiled code for a long time, but not forever: a browser
 * drops the compiled form of functions that have not run for a while. Warming again every
 * few minutes keeps the first QR after a quiet hour as quick as the tenth of a busy one.
 */
export const REWARM_EVERY_MS = 5 * 60_000;
/** An idle slice is used only while this much of it is left: a key press never waits on a warm-up. */
const SLICE_MARGIN_MS = 2;

/**
 * A QRIS payload of the shape and length Pakasir sends (merchant templates, amount,
 * reference, CRC), so the warm-up runs the same encoding modes and QR version as a real
 * sale. Never shown.
 */
export function warmPayload(i: number): string {
  return buildQrisPayload({ total: 25_000 + i, reference: `WARM${String(i).padStart(8, '0')}`, merchantId: '0' });
}

/**
 * Encodes `runs` warm-up payloads in the window's idle moments. The first QR a window draws
 * otherwise pays for compiling the encoder (measured: about 10 ms for the first, and a few
 * ms now and then over the next dozens while the engine optimizes it), and that lands on
 * the customer waiting for the QR. Resolves when done.
 */
export function warmQrEncoder(clock: WarmClock, runs = WARM_RUNS, encode = encodeQr): Promise<void> {
  let done = 0;
  return new Promise((resolve) => {
    const slice = (deadline: IdleDeadline) => {
      do {
        encode(warmPayload(done));
        done += 1;
      } while (done < runs && deadline.timeRemaining() > SLICE_MARGIN_MS);
      if (done < runs) clock.whenIdle(slice);
      else resolve();
    };
    clock.whenIdle(slice);
  });
}

/** Warms the encoder now and again every few minutes; returns a stop. */
export function keepQrEncoderWarm(clock: WarmClock = browserWarmClock()): () => void {
  let running = false;
  const warm = () => {
    if (running) return;
    running = true;
    void warmQrEncoder(clock).finally(() => {
      running = false;
    });
  };
  warm();
  return clock.every(REWARM_EVERY_MS, warm);
}

/** Idle callbacks where the browser has them; a short timer where it does not. */
export function browserWarmClock(): WarmClock {
  const idle = (globalThis as { requestIdleCallback?: (fn: (d: IdleDeadline) => void) => number }).requestIdleCallback;
  return {
    whenIdle: idle ? (fn) => void idle(fn) : (fn) => void setTimeout(() => fn({ timeRemaining: () => 0 }), 50),
    every(ms, fn) {
      const timer = setInterval(fn, ms);
      return () => clearInterval(timer);
    },
  };
}
