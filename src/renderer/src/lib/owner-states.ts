import { ORDER_STATES, type OrderState } from '@shared/order-state';

/** A state word from the server is shown translated only when this build knows it. */
export function isOrderState(v: string): v is OrderState {
  return (ORDER_STATES as readonly string[]).includes(v);
}
