import type { OrderView } from '@shared/domain';

/** What the payment screen says it is doing while the customer pays. */
export type LiveState = 'creating' | 'checking' | 'offline' | 'waiting';

/**
 * Offline wins over everything (the cashier must know checks are not reaching Pakasir);
 * then a QR still being made; then whether a check is in flight right now.
 */
export function liveState(
  order: OrderView,
  connectivity: 'online' | 'offline' | 'degraded',
  checking: boolean,
): LiveState {
  if (connectivity === 'offline') return 'offline';
  if (order.state === 'creating') return 'creating';
  return checking ? 'checking' : 'waiting';
}
