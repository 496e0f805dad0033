import { METHOD_RULES } from '@shared/methods';
import { validateQrisPayload } from '@shared/qris';
import type { OrderRecord } from '../orders/order-store';
import type { GatewayTransaction } from '../pakasir/gateway';

/**
 * Why a create answer must not be shown to the customer, or null when it may. Trust
 * boundary: nothing reaches either window that was not checked here (the QRIS payload's CRC
 * and its amount, which must be what the customer is asked to pay).
 */
export function displayProblem(order: OrderRecord, tx: GatewayTransaction): string | null {
  if (tx.orderId !== order.orderId) return 'answer for another order_id';
  if (tx.amount !== order.amount) return `answer amount ${tx.amount} differs from ${order.amount}`;
  if (tx.totalPayment < tx.amount) return 'total_payment is below the amount';
  const kind = METHOD_RULES[order.method].kind;
  if (kind === 'qris') {
    if (!tx.paymentNumber) return 'no QRIS payload';
    const check = validateQrisPayload(tx.paymentNumber, tx.totalPayment);
    if (!check.ok) return `QRIS payload refused: ${check.problems.join('; ')}`;
  }
  if (kind === 'va' && !(tx.paymentNumber && /^[0-9]{6,32}$/.test(tx.paymentNumber))) return 'no valid VA number';
  if (kind === 'link' || kind === 'paypal') {
    if (!tx.paymentUrl) return 'no payment link';
    try {
      const u = new URL(tx.paymentUrl);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'payment link is not http(s)';
    } catch {
      return 'payment link is not a URL';
    }
  }
  return null;
}
