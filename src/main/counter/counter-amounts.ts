import { MAX_CHANGE } from '@shared/counter';
import { PosError } from '@shared/errors';
import { checkAmount, METHOD_RULES, type ApiVersion, type PaymentMethod } from '@shared/methods';
import { formatRupiah } from '@shared/money';

/** The counter's amount checks, each naming the field a cashier must fix (path) and why (code). */

export function amountError(path: string, message: string, code = 'amount'): PosError {
  return new PosError('invalid_input', message, [{ path, message: code }]);
}

export function wholeRupiah(value: number, path: string, max: number): void {
  if (!Number.isSafeInteger(value) || value < 1) throw amountError(path, 'Amounts are whole rupiah above 0.');
  if (value > max)
    throw amountError(
      path,
      `${formatRupiah(value)} is more than one sale can take (${formatRupiah(max)}).`,
      'above_max',
    );
}

export function checkTendered(due: number, tendered: number): void {
  if (!Number.isSafeInteger(tendered) || tendered < 1)
    throw amountError('tendered', 'Enter the cash the customer handed over, in whole rupiah.');
  if (tendered < due)
    throw amountError(
      'tendered',
      `${formatRupiah(tendered)} is less than the ${formatRupiah(due)} due: ${formatRupiah(due - tendered)} is missing.`,
      'below_due',
    );
  if (tendered - due > MAX_CHANGE)
    throw amountError(
      'tendered',
      `The change would be ${formatRupiah(tendered - due)}: check the cash handed over.`,
      'change_too_large',
    );
}

export function checkGatewayPart(version: ApiVersion, method: PaymentMethod, amount: number): void {
  const problem = checkAmount(method, amount, version);
  if (!problem) return;
  const rule = METHOD_RULES[method];
  throw amountError(
    'amount',
    problem.code === 'method_unavailable'
      ? `${method} is not offered by API ${version}.`
      : `${method} takes ${formatRupiah(rule.min)} to ${formatRupiah(rule.max)}; ${formatRupiah(amount)} is outside that.`,
    problem.code,
  );
}
