import type { ConnectivityView, OrderView } from '@shared/domain';
import { PosError } from '@shared/errors';
import { isGatewayMethod } from '@shared/methods';
import { isFinal } from '@shared/order-state';
import type { GatewayStatus, TransactionRef } from '../pakasir/gateway';
import { cancelSale, type CancelReason } from './cancel-sale';
import { chargeNow, type ChargeRequest } from './charge';
import type { ConnectivityTracker } from './connectivity';
import { Engine, type PaymentServiceDeps } from './engine';
import { checkStatusGated } from './gateway-calls';
import { paymentHint, setPushChannel } from './push-hints';
import { checkReachable, recover } from './recovery';
import { dismissSale, markProofShown, resolveReview } from './review-actions';
import { refOf } from './sale-facts';
import { SaleWorker } from './sale-worker';
import type { StatusGate } from './status-gate';

/**
 * The payment engine, as the rest of the app sees it. Every step is journaled before the
 * next starts, so a kill at any point resumes on the next start without a second gateway
 * transaction:
 *   charge: journal `creating` -> note the create attempt -> gateway create -> validate the
 *   QRIS payload -> journal `awaiting_payment` -> poll until paid / canceled / expired.
 * A sale whose create answer was lost is resolved (v2: the same find-or-create; v1: detail by
 * order_id and amount) before anything else is tried.
 *
 * The parts, each in its own file: charge.ts and review-actions.ts (what the cashier and the
 * owner do), sale-worker.ts and sale-schedule.ts (one sale's steps, in order, on time),
 * create-step.ts, check-step.ts and watch-step.ts (one step in each state), outcomes.ts and
 * late-watch.ts (how a sale ends and is watched after), cancel-sale.ts, recovery.ts,
 * push-hints.ts, and engine.ts (what they share).
 */
export class PaymentService {
  private readonly e: Engine;
  private readonly worker: SaleWorker;
  private counter: Promise<unknown> = Promise.resolve();

  constructor(deps: PaymentServiceDeps) {
    this.e = new Engine(deps, (orderId) => void this.worker.work(orderId));
    this.worker = new SaleWorker(this.e);
  }

  get gate(): StatusGate {
    return this.e.gate;
  }

  get connectivity(): ConnectivityTracker {
    return this.e.connectivity;
  }

  /**
   * Charges run one after another for the counter: a double-click or two windows charging
   * at once must never leave two live QRs. The second charge sees the first as the open
   * sale and cancels it, exactly as a cashier changing the amount would.
   */
  charge(input: ChargeRequest, replacesOrderId: string | null = null): Promise<OrderView> {
    const run = this.counter.then(() => chargeNow(this.e, this.worker, input, replacesOrderId));
    this.counter = run.catch(() => undefined);
    return run;
  }

  cancelSale(orderId: string, reason?: CancelReason): Promise<OrderView> {
    return cancelSale(this.e, this.worker, orderId, reason);
  }

  /** Throws what went wrong (a typed journal error) instead of answering with a stale sale. */
  async checkNow(orderId: string): Promise<OrderView> {
    this.e.mustGet(orderId);
    this.e.errors.delete(orderId);
    await this.worker.work(orderId, true);
    return this.e.view(this.e.mustGet(orderId));
  }

  async simulatePayment(orderId: string): Promise<OrderView> {
    const order = this.e.mustGet(orderId);
    // The sale's own environment decides, not today's settings: a production sale is never simulated.
    if (!order.sandbox) throw new PosError('illegal_state', 'Simulated payments exist only in sandbox and demo mode.');
    if (order.state !== 'awaiting_payment')
      throw new PosError('illegal_state', `Sale ${orderId} is not waiting for payment.`);
    const gateway = this.e.gatewayFor(order);
    if (!gateway)
      throw new PosError('illegal_state', `Sale ${orderId} belongs to another project than the one set now.`);
    if (!this.e.view(order).canSimulate)
      throw new PosError(
        'illegal_state',
        'Pakasir offers no payment simulation for this sale (API v2): pay it from the Pakasir sandbox instead.',
      );
    await gateway.simulatePayment(refOf(order));
    return this.checkNow(orderId);
  }

  async recreateSale(orderId: string): Promise<OrderView> {
    const order = this.e.mustGet(orderId);
    if (!['expired', 'failed', 'canceled'].includes(order.state)) {
      throw new PosError(
        'illegal_state',
        `Sale ${orderId} is ${order.state}; only an expired, failed or canceled sale gets a new QR.`,
      );
    }
    if (!isGatewayMethod(order.method))
      throw new PosError('illegal_state', `Sale ${orderId} was paid in cash; there is no QR to make again.`);
    // A split sale's new QR stays part of the same counter sale.
    return this.charge({ amount: order.price, method: order.method, note: order.note, saleId: order.saleId }, orderId);
  }

  markProofShown(orderId: string, note: string): OrderView {
    return markProofShown(this.e, orderId, note);
  }

  resolveReview(orderId: string, resolution: 'paid' | 'not_paid', note: string): OrderView {
    return resolveReview(this.e, orderId, resolution, note);
  }

  dismissSale(orderId: string): null {
    return dismissSale(this.e, orderId);
  }

  /**
   * Puts a sale that is already finished (a cash sale, written paid by the counter) on the
   * counter: both windows show its outcome until the cashier starts the next sale.
   */
  showOnCounter(orderId: string): void {
    const order = this.e.mustGet(orderId);
    if (!isFinal(order.state)) throw new PosError('illegal_state', `Sale ${orderId} is still open.`);
    this.e.setActive(order);
  }

  getActiveSale(): OrderView | null {
    if (!this.e.activeOrderId) return null;
    const order = this.e.store.get(this.e.activeOrderId);
    return order ? this.e.view(order) : null;
  }

  getConnectivity(): ConnectivityView {
    return this.e.connectivity.current;
  }

  /** A status check through the shared gate, for reconciliation, with the sale's own gateway. */
  checkStatusGated(ref: TransactionRef, signal?: AbortSignal): Promise<GatewayStatus> {
    return checkStatusGated(this.e, ref, signal);
  }

  /** A payment hint from the shop server: checked with the status API, never taken as payment. */
  paymentHint(orderId: string): boolean {
    return paymentHint(this.e, this.worker, orderId);
  }

  setPushChannel(up: boolean): void {
    setPushChannel(this.e, up);
  }

  recover(onProgress?: (done: number, total: number) => void): number {
    return recover(this.e, onProgress);
  }

  checkReachable(): string[] {
    return checkReachable(this.e);
  }

  stop(): void {
    this.e.stop();
  }

  /** Settles when no sale has work in progress (for tests and an orderly shutdown). */
  idle(): Promise<void> {
    return this.worker.idle();
  }
}
