/**
 * "The customer pays the round price": which amount to send to Pakasir so that the
 * customer's total (amount + Pakasir's fee for that amount) equals the price, or, where no
 * amount gives the price exactly, the largest amount whose total stays below it. The
 * customer never pays more than the price.
 *
 * Pure: the fees come from Pakasir's own answers (`seen`: amount -> fee for the method), and
 * each step says which amount to ask about next. Since a fee never falls as the amount
 * rises, amount + fee rises strictly with the amount, so the answers bracket the best amount:
 * the fixed point amount = price - fee(amount) closes in fast (the error shrinks by the fee
 * rate, about 1% per step), and bisection finishes whatever rounding leaves.
 */
export type RoundPriceStep =
  | { kind: 'ask'; amount: number }
  | { kind: 'done'; amount: number; fee: number; total: number; exact: boolean }
  /** No amount of at least Rp 1 keeps the total within the price (the fee alone exceeds it). */
  | { kind: 'none' };

export const MAX_FEE_ASKS = 8;

export function nextRoundPriceStep(
  price: number,
  seen: ReadonlyMap<number, number>,
  maxAsks: number = MAX_FEE_ASKS,
): RoundPriceStep {
  if (!Number.isSafeInteger(price) || price < 1)
    throw new RangeError(`price must be a whole rupiah amount, got ${price}`);
  if (!seen.has(price)) return { kind: 'ask', amount: price };
  let lo: number | null = null;
  let hi: number | null = null;
  let exact: number | null = null;
  for (const [amount, fee] of seen) {
    const total = amount + fee;
    if (total === price && (exact === null || amount > exact)) exact = amount;
    if (total <= price) lo = lo === null ? amount : Math.max(lo, amount);
    else hi = hi === null ? amount : Math.min(hi, amount);
  }
  const done = (amount: number, isExact: boolean): RoundPriceStep => {
    const fee = seen.get(amount)!;
    return { kind: 'done', amount, fee, total: amount + fee, exact: isExact };
  };
  if (exact !== null) return done(exact, true);
  if (lo !== null && (hi === null || hi - lo <= 1)) return done(lo, false);
  if (seen.size >= maxAsks) return lo !== null ? done(lo, false) : { kind: 'none' };

  const untried = (a: number): boolean => a >= 1 && (lo === null || a > lo) && (hi === null || a < hi) && !seen.has(a);
  const latest = [...seen.entries()].at(-1)!;
  // 1. the fixed point from the latest answer;
  // 2. the best amount so far raised by what its total falls short of the price (when that
  //    stays below the smallest amount known to be too much): exact if the fee did not rise;
  // 3. halfway between the best and the smallest too much.
  const candidates: number[] = [price - latest[1]];
  if (lo !== null) {
    const raised = lo + (price - (lo + seen.get(lo)!));
    if (hi === null || raised < hi) candidates.push(raised);
    if (hi !== null) candidates.push(Math.floor((lo + hi) / 2));
  } else if (hi !== null) {
    candidates.push(price - seen.get(hi)! - 1);
  }
  const next = candidates.find(untried);
  if (next === undefined) return lo !== null ? done(lo, false) : { kind: 'none' };
  return { kind: 'ask', amount: next };
}

export interface RoundPriceResult {
  amount: number;
  fee: number;
  total: number;
  exact: boolean;
  /** How many fee answers it took. */
  asks: number;
}

/** Runs the steps against a fee source (Pakasir's fee table); null when no amount fits. */
export async function planRoundPrice(
  price: number,
  feeAt: (amount: number) => Promise<number>,
  maxAsks: number = MAX_FEE_ASKS,
): Promise<RoundPriceResult | null> {
  const seen = new Map<number, number>();
  for (;;) {
    const step = nextRoundPriceStep(price, seen, maxAsks);
    if (step.kind === 'none') return null;
    if (step.kind === 'done')
      return { amount: step.amount, fee: step.fee, total: step.total, exact: step.exact, asks: seen.size };
    seen.set(step.amount, await feeAt(step.amount));
  }
}
