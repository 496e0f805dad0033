import { DIGIT_EM, TEXT_EM } from './customer-layout';

export interface CartLayout {
  lineFont: number;
  totalFont: number;
  pad: number;
  gap: number;
  /** How many of the newest lines fit (one row is kept for "n more" when not all do). */
  visible: number;
}

/** Each row is this many line-fonts tall (text plus its padding). */
const ROW = 1.6;

/**
 * Sizes for the cart on the customer display. The total is the largest text and fits the
 * width on one line; lines are a readable size for the window and as many as fit are shown.
 */
export function cartLayout(
  width: number,
  height: number,
  lines: number,
  totalChars: number,
  /** The widest line's characters (quantity, name and amount): it must fit on one row. */
  widestLine = 24,
): CartLayout {
  const pad = Math.round(Math.min(width, height) * 0.04);
  const gap = Math.round(pad / 2);
  const inner = { width: width - pad * 2, height: height - pad * 2 };
  const lineFont = Math.max(
    12,
    Math.floor(Math.min(inner.width / 30, inner.height / 16, inner.width / ((widestLine + 2) * TEXT_EM))),
  );
  const totalFont = Math.max(
    lineFont,
    Math.floor(Math.min(lineFont * 2.4, (inner.width * 0.62) / (Math.max(1, totalChars) * DIGIT_EM))),
  );
  // Title row, the total row (its label and the number, at 1.4 line height), and the gaps.
  const fixed = lineFont * 1.4 + totalFont * 1.4 + gap * 2;
  const rows = Math.max(1, Math.floor((inner.height - fixed) / (lineFont * ROW)));
  const visible = lines <= rows ? lines : Math.max(0, rows - 1);
  return { lineFont, totalFont, pad, gap, visible };
}
