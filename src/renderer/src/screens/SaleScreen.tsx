import { creatingSaleId, saleScreen, type SaleScreen as Screen } from '../lib/sale-view';
import { useHeldScreen } from '../lib/use-held-screen';
import { usePos } from '../stores/pos-store';
import { KeypadScreen } from './KeypadScreen';
import { OutcomeScreen } from './OutcomeScreen';
import { PaymentScreen } from './PaymentScreen';

/** The sale flow follows main's active sale: keypad, then payment, then the outcome. */
export function SaleScreen() {
  const active = usePos((s) => s.activeSale);
  const dismissed = usePos((s) => s.dismissedOrderId);
  // A new sale started from the keypad keeps it (its charge button says it is charging) until
  // the QR is there, or until Pakasir is slow and the "preparing" screen says why it waits.
  const screen = useHeldScreen<Screen>('keypad', creatingSaleId(active, dismissed), (hold) =>
    saleScreen(active, dismissed, hold),
  );
  if (screen === 'payment' && active) return <PaymentScreen key={active.orderId} order={active} />;
  if (screen === 'outcome' && active) return <OutcomeScreen key={active.orderId} order={active} />;
  return <KeypadScreen />;
}
