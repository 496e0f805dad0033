import { useSaleScreen } from '../lib/use-held-screen';
import { usePos } from '../stores/pos-store';
import { KeypadScreen } from './KeypadScreen';
import { OutcomeScreen } from './OutcomeScreen';
import { PaymentScreen } from './PaymentScreen';

/** The sale flow follows main's active sale: keypad, then payment, then the outcome. */
export function SaleScreen() {
  const active = usePos((s) => s.activeSale);
  const dismissed = usePos((s) => s.dismissedOrderId);
  const screen = useSaleScreen(active, dismissed);
  if (screen === 'payment' && active) return <PaymentScreen key={active.orderId} order={active} />;
  if (screen === 'outcome' && active) return <OutcomeScreen key={active.orderId} order={active} />;
  return <KeypadScreen />;
}
