import {
  checkAmount,
  METHOD_RULES,
  PAYMENT_METHODS,
  type AmountProblem,
  type ApiVersion,
  type PaymentMethod,
} from '@shared/methods';

export interface MethodOption {
  method: PaymentMethod;
  /** Null when the method can take this amount now. */
  problem: AmountProblem | null;
}

/**
 * Every method with the reason it cannot take the amount (or null). An empty keypad (0)
 * only reports version problems: every method is "below min" at 0 and greying them all out
 * before the first digit would be noise.
 */
export function methodOptions(amount: number, version: ApiVersion): MethodOption[] {
  return PAYMENT_METHODS.map((method) => {
    let problem = checkAmount(method, amount, version);
    if (amount === 0 && problem?.code === 'below_min') problem = null;
    return { method, problem };
  });
}

/** The method to select when the current one stops fitting: the default if it fits, else the first that does. */
export function fallbackMethod(
  current: PaymentMethod,
  preferred: PaymentMethod,
  amount: number,
  version: ApiVersion,
): PaymentMethod {
  const options = methodOptions(amount, version);
  const fits = (m: PaymentMethod) => options.find((o) => o.method === m)?.problem === null;
  if (fits(current)) return current;
  if (fits(preferred)) return preferred;
  return options.find((o) => o.problem === null)?.method ?? current;
}

export function methodKind(method: PaymentMethod) {
  return METHOD_RULES[method].kind;
}
