import { formatRupiah } from '@shared/money';
import type { PaymentMethod } from '@shared/methods';
import type { t as translate } from '../i18n';
import type { MethodProblem } from './method-options';

/**
 * Why a method cannot take the amount, in the cashier's words. `short` leaves the method's
 * name out, for the method's own button ("maks. Rp 10.000.000").
 */
export function methodProblemText(t: typeof translate, method: PaymentMethod, p: MethodProblem, short = false): string {
  const text = t(`methodProblem.${p.code}`, {
    method: short ? '' : t(`method.${method}`),
    min: p.code === 'below_min' ? formatRupiah(p.min) : '',
    max: p.code === 'above_max' ? formatRupiah(p.max) : '',
    version: p.code === 'method_unavailable' ? p.version : '',
  });
  return short ? text.replace(/^:\s*/, '') : text;
}
