import type { FeePayer } from '@shared/fees';
import type { ApiVersion, PaymentMethod } from '@shared/methods';
import { methodOptions, type MethodOption } from './method-options';

/**
 * What the charge button does with the typed amount and the chosen method. The method is
 * never switched behind the cashier's back: when it cannot take the amount, the cashier is
 * asked, with the methods that can.
 */
export type ChargePlan =
  | { kind: 'empty' }
  | { kind: 'ready'; method: PaymentMethod }
  | { kind: 'ask'; method: PaymentMethod; problem: NonNullable<MethodOption['problem']>; fits: PaymentMethod[] };

export function chargePlan(amount: number, method: PaymentMethod, version: ApiVersion, feePayer: FeePayer): ChargePlan {
  if (amount <= 0) return { kind: 'empty' };
  const options = methodOptions(amount, version, feePayer);
  const chosen = options.find((o) => o.method === method);
  if (chosen && chosen.problem === null) return { kind: 'ready', method };
  // A method another API version offers is not a choice the cashier can make here.
  const fits = options.filter((o) => o.problem === null).map((o) => o.method);
  return { kind: 'ask', method, problem: chosen?.problem ?? { code: 'not_integer' }, fits };
}
