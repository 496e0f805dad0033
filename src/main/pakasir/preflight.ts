import { METHOD_RULES, checkAmount, type ApiVersion, type PaymentMethod } from '../../shared/methods';
import { formatRupiah } from '../../shared/money';
import { isValidOrderId } from '../../shared/order-id';
import { GatewayError } from './gateway';

/** How a method is named in a message the cashier may read. */
export function methodLabel(method: PaymentMethod): string {
  const rule = METHOD_RULES[method];
  switch (rule.kind) {
    case 'qris':
      return 'QRIS';
    case 'va':
      return `${rule.bank ?? method} virtual account`;
    case 'link':
      return 'Payment link';
    case 'paypal':
      return 'PayPal';
    case 'cash':
      return 'Cash';
  }
}

/**
 * The checks every call makes before touching the network: a request the gateway would
 * refuse must not cost a round trip, and an amount out of range must never reach it.
 * One table (METHOD_RULES) drives both this and the keypad.
 */
export function preflight(version: ApiVersion, method: PaymentMethod, amount: number, orderId: string): void {
  if (!isValidOrderId(orderId)) {
    throw new GatewayError('invalid_request', 'The order id must be 5 to 64 letters, digits, "-" or "_"');
  }
  const problem = checkAmount(method, amount, version);
  if (!problem) return;
  const label = methodLabel(method);
  const rule = METHOD_RULES[method];
  switch (problem.code) {
    case 'method_unavailable':
      throw new GatewayError('invalid_request', `${label} is not offered by API ${version}`);
    case 'not_integer':
      throw new GatewayError('invalid_request', 'The amount must be a whole number of rupiah');
    case 'below_min':
    case 'above_max':
      throw new GatewayError(
        'invalid_request',
        `${label} accepts ${formatRupiah(rule.min)} to ${formatRupiah(rule.max)}`,
      );
  }
}

/** The fee table takes any amount a method could accept. */
export function preflightAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new GatewayError('invalid_request', 'The amount must be a positive whole number of rupiah');
  }
}
