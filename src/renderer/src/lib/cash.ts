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
