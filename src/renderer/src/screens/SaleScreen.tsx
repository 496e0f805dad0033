import { Activity, useState } from 'react';
import { useSaleScreen } from '../lib/use-held-screen';
import { usePos } from '../stores/pos-store';
import { KeypadScreen } from './KeypadScreen';
import { OutcomeScreen } from './OutcomeScreen';
import { PaymentScreen } from './PaymentScreen';

/**
 * The sale flow follows main's active sale: keypad, then payment, then the outcome.
 *
 * The keypad is hidden under the sale rather than taken out: taking its tree apart cost the
 * cashier's window about 1.5 ms in the very task that draws the QR, on the two cores the
 * customer display and main share. Hidden, its effects are gone (no key it listens for can
 * type or charge) and its updates wait. When the sale leaves, a fresh keypad takes its place,
 * as before: the next customer finds no search, category or scan note from the last one.
 */
export function SaleScreen() {
  const active = usePos((s) => s.activeSale);
  const dismissed = usePos((s) => s.dismissedOrderId);
  const screen = useSaleScreen(active, dismissed);
  const sale =
    screen === 'payment' && active ? (
      <PaymentScreen key={active.orderId} order={active} />
    ) : screen === 'outcome' && active ? (
      <OutcomeScreen key={active.orderId} order={active} />
    ) : null;
  const shown = sale && active ? active.orderId : null;
  // The last sale that was on screen names the keypad after it (React's "state from the
  // previous render" pattern): the key changes when a sale leaves, never when one arrives.
  const [previous, setPrevious] = useState<string | null>(null);
  const [keypadAfter, setKeypadAfter] = useState('');
  if (shown !== previous) {
    setPrevious(shown);
    if (shown === null && previous !== null) setKeypadAfter(previous);
  }
  return (
    <>
      <Activity mode={sale ? 'hidden' : 'visible'}>
        <KeypadScreen key={keypadAfter} />
      </Activity>
      {sale}
    </>
  );
}
