/**
 * Sizes for the customer display, computed from the space the window has and the words it
 * must show, so that nothing is cut at any screen from 800x480 to 4K, landscape or portrait:
 * the total is always the largest text, the QR as big as fits (drawn at whole pixels per
 * module), and text wraps instead of running off the edge.
 *
 * Widths are estimated from the character count with a generous em width (bold digits in
 * DejaVu Sans, the widest common system font, are 0.70 em), so a real font only ever comes
 * out narrower than planned. The end-to-end test checks the result in Chromium at every size.
 */
export const DIGIT_EM = 0.72;
export const TEXT_EM = 0.62;
/** Line height of every customer-display text: Noto Sans' ascent and descent are 1.36 em. */
const LINE = 1.4;

/** The largest font (px) at which `text` fits `width` on one line, capped at `max`. */
export function fitFont(text: string, width: number, max: number, em = DIGIT_EM): number {
  return Math.max(1, Math.floor(Math.min(max, width / (Math.max(1, text.length) * em))));
}

/** How many lines `text` wraps to at `font` in `width` (by words, as the browser wraps). */
export function lineCount(text: string, width: number, font: number, em = TEXT_EM): number {
  const perLine = Math.max(1, Math.floor(width / (font * em)));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const len = word.length;
    if (used === 0) used = len;
    else if (used + 1 + len <= perLine) used += 1 + len;
    else {
      lines += 1;
      used = len;
    }
    // A word longer than a line (a URL) breaks inside itself.
    while (used > perLine) {
      lines += 1;
      used -= perLine;
    }
  }
  return lines;
}

export interface Block {
  text: string;
  role: 'label' | 'total' | 'text' | 'small';
}

export interface StackSizes {
  fonts: Record<Block['role'], number>;
  gap: number;
  height: number;
}

/**
 * Fonts for a column of blocks in a box: the total fits its width on one line, the rest
 * scale with it (always smaller) and wrap; the whole column is shrunk until it fits the
 * box's height.
 */
export function stackSizes(blocks: readonly Block[], width: number, height: number): StackSizes {
  const total = blocks.find((b) => b.role === 'total');
  let totalFont = total ? fitFont(total.text, width, height * 0.3) : Math.floor(height * 0.12);
  for (let i = 0; i < 40; i++) {
    const fonts = {
      total: totalFont,
      label: Math.max(12, Math.floor(totalFont * 0.42)),
      text: Math.max(12, Math.floor(totalFont * 0.46)),
      small: Math.max(11, Math.floor(totalFont * 0.34)),
    };
    const gap = Math.max(6, Math.floor(totalFont * 0.22));
    let used = 0;
    for (const b of blocks) {
      const f = fonts[b.role];
      const lines = b.role === 'total' ? 1 : lineCount(b.text, width, f);
      used += lines * f * LINE;
    }
    used += gap * Math.max(0, blocks.length - 1);
    if (used <= height || totalFont <= 14) return { fonts, gap, height: used };
    totalFont = Math.floor(totalFont * 0.92);
  }
  throw new Error('unreachable');
}

export type Orientation = 'landscape' | 'portrait';

export interface PaymentLayout {
  orientation: Orientation;
  pad: number;
  gap: number;
  /** Side of the square that holds the QR or the VA number. */
  visual: number;
  /** The box beside (landscape) or below (portrait) the visual that holds the words. */
  side: { width: number; height: number };
  stack: StackSizes;
}

/** Waiting for payment: the QR (or VA number) and, beside or below it, the total and the words. */
export function paymentLayout(width: number, height: number, blocks: readonly Block[]): PaymentLayout {
  const pad = Math.max(12, Math.round(Math.min(width, height) * 0.04));
  const gap = pad;
  const orientation: Orientation = width >= height * 1.15 ? 'landscape' : 'portrait';
  if (orientation === 'landscape') {
    // The words need at least 42% of the width; the QR gets the rest of the height-bound square.
    const visual = Math.floor(Math.min(height - 2 * pad, (width - 2 * pad - gap) * 0.58));
    const side = { width: width - 2 * pad - gap - visual, height: height - 2 * pad };
    return { orientation, pad, gap, visual, side, stack: stackSizes(blocks, side.width, side.height) };
  }
  const visual = Math.floor(Math.min(width - 2 * pad, (height - 2 * pad - gap) * 0.55));
  const side = { width: width - 2 * pad, height: height - 2 * pad - gap - visual };
  return { orientation, pad, gap, visual, side, stack: stackSizes(blocks, side.width, side.height) };
}

/** A centered column (preparing, paid, canceled...): the same rules in the whole window. */
export function centeredLayout(
  width: number,
  height: number,
  blocks: readonly Block[],
  reserved = 0,
): StackSizes & { pad: number } {
  const pad = Math.max(12, Math.round(Math.min(width, height) * 0.05));
  return { pad, ...stackSizes(blocks, width - 2 * pad, height - 2 * pad - reserved) };
}
