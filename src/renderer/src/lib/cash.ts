import { digitsToAmount, type KeypadKey } from './keypad';

/**
 * Cash at the counter, as the cashier's screen offers it. Main decides and checks every
 * figure again (tendered below due, absurd change); these only shape the buttons.
 */

/** The notes a customer usually hands over (Rp 100.000 is the largest). */
export const NOTES = [5_000, 10_000, 20_000, 50_000, 100_000] as const;

/**
 * The quick buttons for an amount due: "uang pas" (the due itself) and, for each note, the
 * next round sum of that note above the due (Rp 23.500 -> 25.000, 30.000, 40.000, 50.000,
 * 100.000), each once, smallest first.
 */
export function quickTenders(due: number): number[] {
  if (!Number.isSafeInteger(due) || due <= 0) return [];
  const out = new Set<number>([due]);
  for (const note of NOTES) {
    const next = Math.ceil(due / note) * note;
    out.add(next > due ? next : next + note);
  }
  return [...out].sort((a, b) => a - b);
}

/** The change for a tendered sum, or null while it does not cover the due. */
export function changeFor(due: number, tendered: number): number | null {
  return tendered >= due ? tendered - due : null;
}

/** The tendered digits after one key: at most nine digits, no leading zeros. */
export function typeTendered(digits: string, key: KeypadKey): string {
  if (key === 'back') return digits.slice(0, -1);
  if (key === 'clear') return '';
  return (digits + key).replace(/^0+/, '').slice(0, 9);
}

export interface CashFigures {
  /** What the cashier typed (0 while nothing is typed). */
  typed: number;
  /** What the customer handed over: the due itself while nothing is typed. */
  tendered: number;
  /** The change, or null while the cash does not cover the due. */
  change: number | null;
  /** Less than due was typed: the rest can go by QRIS. */
  canSplit: boolean;
}

export function cashFigures(due: number, digits: string): CashFigures {
  const typed = digitsToAmount(digits);
  const tendered = digits === '' ? due : typed;
  return { typed, tendered, change: changeFor(due, tendered), canSplit: typed > 0 && typed < due };
}
