import type { DrawerView } from '@shared/counter';
import type { MessageKey } from '../i18n';

export interface DrawerLine {
  label: MessageKey;
  /** Signed as it moves the drawer: refunds and cash out are negative. */
  value: number;
  /** The line's test id suffix (drawer-<id>). */
  id: string;
}

/** The drawer's lines as the cashier reads them, top to bottom, above the expected total. */
export function drawerLines(d: DrawerView): DrawerLine[] {
  return [
    { label: 'shift.opening', value: d.opening, id: 'opening' },
    { label: 'shift.cashSales', value: d.cashSales, id: 'cash-sales' },
    { label: 'shift.cashRefunds', value: -d.cashRefunds, id: 'cash-refunds' },
    { label: 'shift.cashIn', value: d.cashIn, id: 'cash-in' },
    { label: 'shift.cashOut', value: -d.cashOut, id: 'cash-out' },
  ];
}

/** A cash field keeps digits only, at most nine (main checks the range again). */
export function cashDigits(input: string): string {
  return input.replace(/\D/g, '').slice(0, 9);
}
