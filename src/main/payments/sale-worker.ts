import { isFinal } from '@shared/order-state';
import { stepCheck } from './check-step';
import { stepCreate } from './create-step';
import type { Engine } from './engine';
import { FAILURE_RETRY_MS } from './engine-tuning';
import { stillWatched } from './late-watch';
import { outOfReach } from './recovery';
import { stepWatch } from './watch-step';

/**
 * The per-sale worker: one sale's steps run one at a time, in order, so a status answer is
 * always journaled before the next decision is made. A request during work runs once more
 * after it.
 */
export class SaleWorker {
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly e: Engine) {}

  /**
   * Runs the next step for a sale; a failed step (a journal write that failed) is retried
   * later, never lost. A manual step (check now) also throws, so the cashier hears why.
   */
  work(orderId: string, manual = false): Promise<void> {
    return this.enqueue(orderId, () => this.step(orderId, manual)).catch((err: unknown) => {
      this.e.log.warn('sale step failed', { orderId, error: err instanceof Error ? err.message : String(err) });
      if (!this.e.stopped) this.e.schedule(orderId, FAILURE_RETRY_MS);
      if (manual) throw err;
    });
  }

  /** Everything that touches one sale (poll steps, check now, cancel) runs through here. */
  enqueue<T>(orderId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.running.get(orderId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(fn);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.running.set(orderId, settled);
    void settled.then(() => {
      if (this.running.get(orderId) === settled) this.running.delete(orderId);
    });
    return next;
  }

  /** Settles when no sale has work in progress (for tests and an orderly shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private async step(orderId: string, manual: boolean): Promise<void> {
    const e = this.e;
    if (e.stopped) return;
    e.clearTimer(orderId);
    const order = e.store.get(orderId);
    if (!order) return;
    if (isFinal(order.state) && !stillWatched(e, order)) {
      e.settle(order);
      return;
    }
    const ctx = e.context();
    const gateway = e.gatewayFor(order, ctx);
    if (!gateway) {
      // The project changed since this sale began and its key is gone: nobody can ask
      // Pakasir about it any more, so a human must.
      outOfReach(e, [order]);
      return;
    }
    switch (order.state) {
      case 'creating':
        return stepCreate(e, order, gateway, ctx);
      case 'awaiting_payment':
        return stepCheck(e, order, gateway, manual);
      case 'canceled':
      case 'expired':
      case 'needs_review':
        return stepWatch(e, order, gateway, manual);
      default:
        return;
    }
  }
}
