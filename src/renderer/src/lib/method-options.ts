import type { FeePayer } from '@shared/fees';
import { checkAmount, PAYMENT_METHODS, type AmountProblem, type ApiVersion, type PaymentMethod } from '@shared/methods';

/** PayPal sets its own fee on its page: with the round price promised, it cannot be used. */
export type MethodProblem = AmountProblem | { code: 'round_price' };

export interface MethodOption {
  method: PaymentMethod;
  /** Null when the method can take this amount now. */
  problem: MethodProblem | null;
}

/**
 * Every method with the reason it cannot take the amount (or null). An empty keypad (0)
 * only reports version problems: every method is "below min" at 0 and greying them all out
 * before the first digit would be noise.
 */
export function methodOptions(amount: number, version: ApiVersion, feePayer: FeePayer = 'customer'): MethodOption[] {
  return PAYMENT_METHODS.map((method) => {
    let problem: MethodProblem | null = checkAmount(method, amount, version);
    if (amount === 0 && problem?.code === 'below_min') problem = null;
    if (!problem && method === 'paypal' && feePayer === 'shop') problem = { code: 'round_price' };
    return { method, problem };
  });
}
