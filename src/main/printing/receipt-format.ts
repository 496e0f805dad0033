import { METHOD_RULES, type PaymentMethod } from '@shared/methods';
import { formatRupiah } from '@shared/money';
import { localParts } from '../orders/local-time';
import type { Labels } from './receipt-labels';
import type { ReceiptMethod } from './snapshot';

export { formatRupiah };

/** Indonesia's three zones have names every shopper knows; elsewhere the IANA name is printed. */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const p2 = (n: number) => String(n).padStart(2, '0');

/** "25-11-2026 14:03 WIB": the shop's zone, never the machine's. */
export function formatReceiptTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const t = localParts(at, timeZone);
  const zone = ZONE_NAMES[timeZone] ?? timeZone;
  return `${p2(t.day)}-${p2(t.month)}-${t.year} ${p2(t.hour)}:${p2(t.minute)} ${zone}`;
}

/** "25-11-2026". */
export function formatReceiptDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : day;
}

/** "-Rp 5.000" for negatives, as money.ts writes them. */
export function formatSignedRupiah(amount: number): string {
  return amount > 0 ? `+${formatRupiah(amount)}` : formatRupiah(amount);
}

export function methodLabel(method: ReceiptMethod, l: Labels): string {
  if (method === 'cash' || method === 'qris' || method === 'payment_link' || method === 'paypal')
    return l(`method.${method}`);
  return l('method.va', { bank: METHOD_RULES[method as PaymentMethod].bank ?? method });
}
