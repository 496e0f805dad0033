import type { OrderView, SettingsView } from '@shared/domain';
import type { ItemView } from '@shared/items';
import { tlv, withCrc } from '@shared/qris';
import { useItems } from '@renderer/stores/items-store';
import { useKeypad } from '@renderer/stores/keypad-store';
import { usePos } from '@renderer/stores/pos-store';

/** A dynamic QRIS payload for `total`, built the way an issuer would (CRC included). */
export function qrisPayload(total: number): string {
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('26', tlv('00', 'ID.CO.QRIS.WWW') + tlv('01', '936000000000000000')) +
    tlv('52', '5812') +
    tlv('53', '360') +
    tlv('54', String(total)) +
    tlv('58', 'ID') +
    tlv('59', 'Pakasir') +
    tlv('60', 'Jakarta');
  return withCrc(body);
}

export function order(over: Partial<OrderView> = {}): OrderView {
  return {
    orderId: 'POS1-20260101-0001',
    state: 'awaiting_payment',
    method: 'qris',
    amount: 22_000,
    price: 22_000,
    feePayer: 'customer',
    fee: 155,
    totalPayment: 22_155,
    note: '',
    terminal: 'POS1',
    apiVersion: 'v2',
    sandbox: true,
    txnId: 't1',
    paymentNumber: qrisPayload(22_155),
    paymentUrl: null,
    expiresAt: '2026-01-01T10:15:00.000Z',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:01.000Z',
    revision: 2,
    paidAt: null,
    reason: null,
    reasonDetail: null,
    lastCheckedAt: null,
    canSimulate: false,
    saleId: null,
    cash: null,
    ...over,
  };
}

/** A till set up to charge by QRIS (v2 sandbox, English, the customer pays the fee). */
export const chargeReadySettings = {
  apiVersion: 'v2',
  sandbox: true,
  defaultMethod: 'qris',
  shopName: 'Warung',
  language: 'en',
  feePayer: 'customer',
  feePayerChosen: true,
} as SettingsView;

/**
 * The stores the sale screen reads, at a counter with no sale on, `digits` on the keypad and
 * `items` as the shop's quick items (none: the amount keypad).
 */
export function freshSaleStores(digits = '', items: ItemView[] = []): void {
  usePos.setState({ settings: chargeReadySettings, activeSale: null, dismissedOrderId: null, endedSale: null });
  useKeypad.setState({ digits, note: '', method: null, charging: false });
  useItems.setState({ items, entries: [], selected: 0 });
}
