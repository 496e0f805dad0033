import { formatRupiah } from '@shared/money';
import type { PaymentMethod } from '@shared/methods';
import type { t as translate } from '../i18n';
import type { MethodProblem } from './method-options';

/** Why a method cannot take the amount, in the cashier's words. */
export function methodProblemText(t: typeof translate, method: PaymentMethod, p: MethodProblem): string {
  return t(`methodProblem.${p.code}`, {
    method: t(`method.${method}`),
    min: p.code === 'below_min' ? formatRupiah(p.min) : '',
    max: p.code === 'above_max' ? formatRupiah(p.max) : '',
    version: p.code === 'method_unavailable' ? p.version : '',
  });
}
