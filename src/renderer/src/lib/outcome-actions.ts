import type { OrderView } from '@shared/domain';
import { getPosApi } from '../api/pos-api';
import { useItems } from '../stores/items-store';
import { useKeypad } from '../stores/keypad-store';
import { usePos } from '../stores/pos-store';

function dismiss(orderId: string): void {
  usePos.getState().dismissSale(orderId);
  // Main returns the counter to idle, so the customer display shows the welcome screen now.
  void getPosApi()
    .dismissSale({ orderId })
    .catch(() => undefined);
}

/** The outcome is seen: an empty keypad for the next customer. */
export function startNewSale(orderId: string): void {
  useKeypad.getState().reset();
  dismiss(orderId);
}

/** Back to the keypad with this sale's amount and note: the cashier picks another method. */
export function changeSaleMethod(order: OrderView): void {
  useKeypad.getState().restore(order.price, order.note);
  // A sale rung up with items goes back as its cart, so the next charge keeps its lines.
  void getPosApi()
    .getOrder({ orderId: order.orderId })
    .then(
      ({ lines }) => {
        if (lines.length === 0) return;
        useKeypad.setState({ digits: '' });
        useItems.getState().restore(lines);
      },
      () => undefined,
    );
  dismiss(order.orderId);
}
