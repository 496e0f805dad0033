import type { ConnectivityView, Notice, NoticeLevel, OrderReason, OrderView } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { SaleLineView } from '@shared/items';
import { checkAmount, isGatewayMethod, type ApiVersion, type PaymentMethod } from '@shared/methods';
import { formatRupiah } from '@shared/money';
import { isFinal, type OrderState } from '@shared/order-state';
import type { EventBus } from '../events/event-bus';
import type { GatewayFacts, OrderRecord, OrderStore } from '../orders/order-store';
import {
  GatewayError,
  type GatewayStatus,
  type GatewayTransaction,
  type PakasirGateway,
  type TransactionRef,
} from '../pakasir/gateway';
import { priceAsIs, type AmountPlanner } from './amount-plan';
import { ConnectivityTracker } from './connectivity';
import { CreatePacer } from './create-pacer';
import { capWait, monotonicClock, type PaceClock } from './pace-clock';
import { liveDelay, MarginLearner, pacedFor, retryDelay, watchDelay, type PaceOptions } from './poll-schedule';
import { StatusGate } from './status-gate';
import { displayProblem } from './display-check';
import { ExpiryClock } from './expiry-clock';
import {
  amountMessage,
  createFacts,
  gatewayMethodOf,
  keyOf,
  refOf,
  saidByGateway,
  shownAmount,
  statusFacts,
  toView,
} from './sale-facts';
import { judgeStatus, saleFacts } from './verify';

/** What the engine needs to know about the project it sells for, read fresh on every use. */
export interface GatewayContext {
  gateway: PakasirGateway;
  project: string;
  version: ApiVersion;
  /** Where the gateway is (normalised): recorded with each sale. */
  baseUrl: string;
  /** A sandbox project (or demo mode): no real money. */
  sandbox: boolean;
  demo: boolean;
  terminalPrefix: string;
  link: { qrisOnly: boolean; redirectUrl: string | null };
}

/** Which gateway answers for a sale: the API version, project and address it was made at. */
export interface SaleEnvironment {
  apiVersion: ApiVersion;
  project: string;
  baseUrl: string;
}

export interface EngineLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface PaymentTuning {
  /** v1 status pace (the guide states no limit; 2 s by default). */
  v1StatusIntervalMs: number;
  /** Status calls in flight at once, over all sales. */
  maxInFlight: number;
  /** How long canceled and expired sales are watched for late payments. */
  lateWatchHours: number;
  /** Spacing of creates (Pakasir allows about two per second). */
  createSpacingMs: number;
  /** Wait after expired_at before the last check, for clock skew with the gateway. */
  expiryGraceMs: number;
  /** First late-payment check after a sale ended; later ones back off to ten minutes. */
  watchFirstMs: number;
  /**
   * Live sales poll at this slower pace while the shop server's push channel is up: the
   * webhook then tells the till within moments of a payment, and a transaction that was not
   * asked about in the last 4 s can be checked the moment the hint arrives. Polling stays as
   * the safety net for a webhook that never comes.
   */
  pushPollIntervalMs: number;
}

/**
 * How many create answers the app could not accept a sale may get before it fails. Such an
 * answer is usually the same again (find-or-create returns the same transaction), so more
 * tries only keep the cashier waiting; one repeat covers a garbled transmission, a second
 * confirms. v1 never repeats a create whose transaction exists (it has no find-or-create),
 * so there the first refused answer of an existing transaction ends the sale.
 */
export const MAX_REFUSED_CREATE_ANSWERS = 3;

/** A step that failed inside the app (a journal write) is tried again after this long. */
const FAILURE_RETRY_MS = 2000;

export const DEFAULT_TUNING: PaymentTuning = {
  v1StatusIntervalMs: 2000,
  maxInFlight: 3,
  lateWatchHours: 6,
  createSpacingMs: 500,
  expiryGraceMs: 2000,
  watchFirstMs: 30_000,
  pushPollIntervalMs: 15_000,
};

export interface PaymentServiceDeps {
  store: OrderStore;
  bus: EventBus;
  /** Throws PosError when the app has no usable project (it never should: demo is the fallback). */
  context: () => GatewayContext;
  /**
   * The gateway for a sale made under another API version, project or address than the
   * current one, or null when the app cannot reach it any more (its key is gone). Default:
   * only the current context's gateway.
   */
  gatewayFor?: (sale: SaleEnvironment) => PakasirGateway | null;
  log: EngineLog;
  /** Wall clock: journal timestamps and the expiry decision. Default Date.now. */
  now?: () => number;
  /** Monotonic clock every wait runs on (pacing, spacing, timers). Default performance.now. */
  clock?: PaceClock;
  random?: () => number;
  tuning?: Partial<PaymentTuning>;
  /** Which amount to send for a price (the owner's fee choice); the price as is by default. */
  planAmount?: AmountPlanner;
}

interface SaleTimer {
  cancel: () => void;
  /** When it fires, on the pace clock. */
  at: number;
}

/** A charge at the counter; `lines` (what was sold, adding up to the amount) are journaled with the sale. */
export interface ChargeRequest {
  amount: number;
  method: PaymentMethod;
  note?: string;
  lines?: readonly SaleLineView[] | null;
  /** The counter sale this charge is a part of. */
  saleId?: string | null;
}

/**
 * The payment engine. Every step is journaled before the next starts, so a kill at any point
 * resumes on the next start without a second gateway transaction:
 *   charge: journal `creating` -> note the create attempt -> gateway create -> validate the
 *   QRIS payload -> journal `awaiting_payment` -> poll until paid / canceled / expired.
 * A sale whose create answer was lost is resolved (v2: the same find-or-create; v1: detail by
 * order_id and amount) before anything else is tried.
 */

export class PaymentService {
  private readonly store: OrderStore;
  private readonly bus: EventBus;
  private readonly context: () => GatewayContext;
  private readonly otherGateway: (sale: SaleEnvironment) => PakasirGateway | null;
  private readonly log: EngineLog;
  private readonly now: () => number;
  private readonly clock: PaceClock;
  private readonly random: () => number;
  private readonly tuning: PaymentTuning;
  private readonly planAmount: AmountPlanner;
  readonly gate: StatusGate;
  private readonly pacer: CreatePacer;
  readonly connectivity: ConnectivityTracker;
  private readonly timers = new Map<string, SaleTimer>();
  private readonly errors = new Map<string, number>();
  private readonly watchChecks = new Map<string, number>();
  /** One worker per sale at a time; a request during work runs once more after it. */
  private readonly running = new Map<string, Promise<void>>();
  private activeOrderId: string | null = null;
  private counter: Promise<unknown> = Promise.resolve();
  /** The earlier of our clock and Pakasir's: what expiry and the watch's end are judged by. */
  private readonly expiry: ExpiryClock;
  private readonly margin = new MarginLearner();
  private stopped = false;
  private noticeSeq = 0;
  private pushUp = false;
  /** Sales with a payment hint being checked: a burst of hints costs one status call. */
  private readonly hinted = new Set<string>();

  constructor(deps: PaymentServiceDeps) {
    this.store = deps.store;
    this.bus = deps.bus;
    this.context = deps.context;
    this.otherGateway = deps.gatewayFor ?? (() => null);
    this.log = deps.log;
    this.now = deps.now ?? Date.now;
    this.clock = deps.clock ?? monotonicClock;
    this.expiry = new ExpiryClock(this.now, this.clock);
    this.random = deps.random ?? Math.random;
    this.tuning = { ...DEFAULT_TUNING, ...deps.tuning };
    this.planAmount = deps.planAmount ?? priceAsIs;
    this.gate = new StatusGate(this.tuning.maxInFlight, this.clock);
    this.pacer = new CreatePacer(this.tuning.createSpacingMs, this.clock);
    this.connectivity = new ConnectivityTracker((view) => this.onConnectivity(view), this.now);
  }

  // ---------------------------------------------------------------- cashier actions

  /**
   * Charges run one after another for the counter: a double-click or two windows charging
   * at once must never leave two live QRs. The second charge sees the first as the open
   * sale and cancels it, exactly as a cashier changing the amount would.
   */
  charge(input: ChargeRequest, replacesOrderId: string | null = null): Promise<OrderView> {
    const run = this.counter.then(() => this.chargeNow(input, replacesOrderId));
    this.counter = run.catch(() => undefined);
    return run;
  }

  private async chargeNow(input: ChargeRequest, replacesOrderId: string | null): Promise<OrderView> {
    const ctx = this.context();
    const problem = checkAmount(input.method, input.amount, ctx.version);
    if (problem) throw new PosError('invalid_input', amountMessage(input.method, problem.code, ctx.version));
    // The amount sent follows from the owner's fee choice; decided (fee answers included)
    // before anything is journaled or canceled, so a failed fee lookup changes nothing.
    const plan = await this.planAmount({
      price: input.amount,
      method: input.method,
      gateway: ctx.gateway,
      project: ctx.project,
      linkQrisOnly: ctx.link.qrisOnly,
    });
    const sendProblem = checkAmount(input.method, plan.amount, ctx.version);
    if (sendProblem) {
      const why = `With the round price, ${formatRupiah(plan.amount)} would be sent to Pakasir: ${amountMessage(input.method, sendProblem.code, ctx.version)}`;
      throw new PosError('invalid_input', why, [{ path: 'roundPriceAmount', message: why }]);
    }

    // One live QR per counter: a sale still open is canceled (best effort) before a new one.
    const active = this.activeOrderId ? this.store.get(this.activeOrderId) : null;
    if (active && !isFinal(active.state)) {
      const after = await this.cancelSale(active.orderId, 'amount_changed');
      if (after.state === 'paid') {
        throw new PosError(
          'illegal_state',
          `Sale ${after.orderId} was paid just now (${formatRupiah(after.totalPayment ?? after.price)}); no new sale was started.`,
        );
      }
    }

    const record = this.store.openSale({
      amount: plan.amount,
      price: input.amount,
      feePayer: plan.feePayer,
      method: input.method,
      note: input.note?.trim() ?? '',
      terminal: ctx.terminalPrefix,
      apiVersion: ctx.version,
      sandbox: ctx.sandbox,
      project: ctx.project,
      baseUrl: ctx.baseUrl,
      replacesOrderId,
      lines: input.lines ?? null,
      saleId: input.saleId ?? null,
    });
    const orderId = record.orderId;
    this.setActive(record);
    // The first create goes straight out: its attempt was journaled with the sale.
    await this.enqueue(orderId, () => this.sendCreate(record, ctx.gateway, ctx, true)).catch((err: unknown) => {
      this.log.warn('first create failed unexpectedly', {
        orderId,
        error: err instanceof Error ? err.message : String(err),
      });
      this.schedule(orderId, FAILURE_RETRY_MS);
    });
    return this.view(this.mustGet(orderId));
  }

  async cancelSale(
    orderId: string,
    reason: 'canceled_by_cashier' | 'amount_changed' = 'canceled_by_cashier',
  ): Promise<OrderView> {
    const order = this.mustGet(orderId);
    if (order.state === 'paid')
      throw new PosError('illegal_state', `Sale ${orderId} is already paid and cannot be canceled.`);
    if (isFinal(order.state)) return this.view(order);
    this.clearTimer(orderId);
    try {
      // Queued behind any check in progress, so its answer is journaled before we decide.
      const result = await this.enqueue(orderId, () => this.cancelLive(orderId, reason));
      return this.view(result);
    } catch (err) {
      // Not canceled (the journal could not be written, say): the QR is still payable, so
      // the sale keeps being checked, and the cashier hears why.
      this.schedule(orderId, FAILURE_RETRY_MS);
      throw err;
    }
  }

  /** Throws what went wrong (a typed journal error) instead of answering with a stale sale. */
  async checkNow(orderId: string): Promise<OrderView> {
    this.mustGet(orderId);
    this.errors.delete(orderId);
    await this.work(orderId, true);
    return this.view(this.mustGet(orderId));
  }

  async simulatePayment(orderId: string): Promise<OrderView> {
    const order = this.mustGet(orderId);
    // The sale's own environment decides, not today's settings: a production sale is never simulated.
    if (!order.sandbox) throw new PosError('illegal_state', 'Simulated payments exist only in sandbox and demo mode.');
    if (order.state !== 'awaiting_payment')
      throw new PosError('illegal_state', `Sale ${orderId} is not waiting for payment.`);
    const gateway = this.gatewayFor(order, this.context());
    if (!gateway)
      throw new PosError('illegal_state', `Sale ${orderId} belongs to another project than the one set now.`);
    if (!this.view(order).canSimulate)
      throw new PosError(
        'illegal_state',
        'Pakasir offers no payment simulation for this sale (API v2): pay it from the Pakasir sandbox instead.',
      );
    await gateway.simulatePayment(refOf(order));
    return this.checkNow(orderId);
  }

  async recreateSale(orderId: string): Promise<OrderView> {
    const order = this.mustGet(orderId);
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
    const order = this.mustGet(orderId);
    if (order.state !== 'awaiting_payment' && order.state !== 'creating') {
      throw new PosError(
        'illegal_state',
        `Sale ${orderId} is ${order.state}; only an open sale can be marked for review.`,
      );
    }
    let next: OrderRecord;
    try {
      // Keep asking Pakasir: the review is easier when the gateway has confirmed (or not).
      next = this.store.transition(
        orderId,
        'needs_review',
        'proof_shown_offline',
        { reason: 'proof_shown_offline', reasonDetail: note, watchUntil: this.watchEnd() },
        { note },
        ['awaiting_payment', 'creating'],
      );
    } catch (err) {
      // Still open: its checks go on as they were.
      this.schedule(orderId, FAILURE_RETRY_MS);
      throw err;
    }
    this.clearTimer(orderId);
    this.publish(next);
    this.schedule(orderId, watchDelay(0, this.random, this.tuning.watchFirstMs));
    return this.view(this.mustGet(orderId));
  }

  resolveReview(orderId: string, resolution: 'paid' | 'not_paid', note: string): OrderView {
    const order = this.mustGet(orderId);
    if (order.state !== 'needs_review')
      throw new PosError('illegal_state', `Sale ${orderId} is not waiting for review.`);
    const facts: GatewayFacts =
      resolution === 'paid'
        ? {
            reason: 'resolved_paid',
            reasonDetail: note,
            paidAt: order.paidAt ?? new Date(this.now()).toISOString(),
            watchUntil: null,
          }
        : { reason: 'resolved_not_paid', reasonDetail: note, watchUntil: null };
    const next = this.store.transition(
      orderId,
      resolution === 'paid' ? 'paid' : 'canceled',
      `review_${resolution}`,
      facts,
      { note },
      ['needs_review'],
    );
    this.settle(order);
    this.publish(next);
    return this.view(this.mustGet(orderId));
  }

  dismissSale(orderId: string): null {
    const order = this.mustGet(orderId);
    if (!isFinal(order.state)) throw new PosError('illegal_state', `Sale ${orderId} is still open; cancel it first.`);
    if (this.activeOrderId === orderId) {
      this.activeOrderId = null;
      this.bus.emit('activeSaleChanged', null);
    }
    return null;
  }

  /**
   * Puts a sale that is already finished (a cash sale, written paid by the counter) on the
   * counter: both windows show its outcome until the cashier starts the next sale.
   */
  showOnCounter(orderId: string): void {
    const order = this.mustGet(orderId);
    if (!isFinal(order.state)) throw new PosError('illegal_state', `Sale ${orderId} is still open.`);
    this.setActive(order);
  }

  getActiveSale(): OrderView | null {
    if (!this.activeOrderId) return null;
    const order = this.store.get(this.activeOrderId);
    return order ? this.view(order) : null;
  }

  getConnectivity(): ConnectivityView {
    return this.connectivity.current;
  }

  /** A status check through the shared gate, for reconciliation, with the sale's own gateway. */
  async checkStatusGated(ref: TransactionRef, signal?: AbortSignal): Promise<GatewayStatus> {
    const ctx = this.context();
    const order = this.store.get(ref.orderId);
    const gateway = order ? this.gatewayFor(order, ctx) : ctx.gateway;
    if (!gateway)
      throw new GatewayError(
        'auth',
        'Pakasir status: the project of this sale is no longer set, so it cannot be asked',
      );
    return this.gate.run(keyOf(ref), this.paceFor(gateway), () => gateway.status(ref, signal), signal);
  }

  // ---------------------------------------------------------------- push hints

  /**
   * Pakasir's webhook, relayed by the shop server, says this sale's transaction completed.
   * It is never taken as payment: the sale is checked with the status API through the same
   * gate as every other call (so the rate limit holds), as soon as the limit allows, and only
   * that answer can make it paid. Returns false when the sale is not one to check.
   */
  paymentHint(orderId: string): boolean {
    const order = this.store.get(orderId);
    if (!order || this.stopped) return false;
    const watched = isFinal(order.state) && this.stillWatched(order);
    if (order.state !== 'awaiting_payment' && !watched) return false;
    if (this.hinted.has(orderId)) return true;
    this.hinted.add(orderId);
    void this.work(orderId).finally(() => this.hinted.delete(orderId));
    return true;
  }

  /** The shop server's push channel opened or dropped (see PaymentTuning.pushPollIntervalMs). */
  setPushChannel(up: boolean): void {
    if (this.pushUp === up) return;
    this.pushUp = up;
    if (up || this.stopped) return;
    // Back to the normal pace at once: schedule() only ever moves a check earlier.
    const ctx = this.context();
    for (const order of this.store.listLive()) {
      if (order.state === 'awaiting_payment') this.schedule(order.orderId, this.paceFor(ctx.gateway).baseIntervalMs);
    }
  }

  // ---------------------------------------------------------------- recovery

  /**
   * At start: every sale that was open resumes where it stopped, and sales in their
   * late-payment watch are watched again. Returns how many were resumed.
   */
  recover(onProgress?: (done: number, total: number) => void): number {
    const live = this.store.listLive();
    const watched = this.store.listWatched(new Date(this.now()).toISOString());
    const total = live.length + watched.length;
    let done = 0;
    // The newest open sale is the one on the counter; both windows show it again.
    const newest = live.reduce<OrderRecord | null>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), null);
    if (newest) this.setActive(newest);
    // The status gate holds every first call until one full interval after start, since a
    // previous run may have asked about these transactions just before it stopped.
    for (const order of live) {
      // Spread the first checks so a large recovery does not burst the gateway.
      this.schedule(order.orderId, Math.min(done * 50, 30_000));
      done += 1;
      if (onProgress && (done % 100 === 0 || done === total)) onProgress(done, total);
    }
    for (const order of watched) {
      this.schedule(order.orderId, watchDelay(0, this.random, this.tuning.watchFirstMs));
      done += 1;
      if (onProgress && (done % 100 === 0 || done === total)) onProgress(done, total);
    }
    if (total > 0) this.log.info('recovered open sales', { live: live.length, watched: watched.length });
    return total;
  }

  /**
   * After a settings change: every open or watched sale whose gateway the app can no
   * longer reach (its project's key is gone) is sent to review, named in one alarm. Returns
   * their order ids.
   */
  checkReachable(): string[] {
    const ctx = this.context();
    const now = new Date(this.now()).toISOString();
    const lost = [...this.store.listLive(), ...this.store.listWatched(now)].filter((o) => !this.gatewayFor(o, ctx));
    return this.outOfReach(lost);
  }

  /**
   * Sales Pakasir can no longer be asked about. A production sale (open, canceled or
   * expired) may still be paid from its QR: it goes to review, and one alarm names them all.
   * A sandbox or demo sale is not money: its watch just ends, journaled.
   */
  private outOfReach(orders: OrderRecord[]): string[] {
    const named: OrderRecord[] = [];
    for (const order of orders) {
      this.settle(order);
      const detail = `its project ${order.project} (API ${order.apiVersion}) is no longer the one set, so Pakasir cannot be asked about it`;
      if (order.sandbox && isFinal(order.state)) {
        this.store.recordFacts(order.orderId, { watchUntil: null }, { reason: 'watch_ended_out_of_reach' });
        continue;
      }
      if (order.state === 'needs_review') {
        this.store.recordFacts(
          order.orderId,
          { watchUntil: null },
          { reason: 'watch_ended_out_of_reach', facts: { detail } },
        );
      } else {
        const review = this.store.transition(
          order.orderId,
          'needs_review',
          'project_changed',
          { reason: 'project_changed', reasonDetail: detail, watchUntil: null },
          { project: order.project, apiVersion: order.apiVersion, baseUrl: order.baseUrl },
        );
        this.publish(review);
      }
      named.push(order);
    }
    if (named.length > 0) {
      this.log.warn('sales out of reach after a project change sent to review', { count: named.length });
      this.notify('alarm', 'notice.watchOrphaned', {
        count: named.length,
        orderIds: named.map((o) => o.orderId).join(', '),
      });
    }
    return named.map((o) => o.orderId);
  }

  stop(): void {
    this.stopped = true;
    for (const id of [...this.timers.keys()]) this.clearTimer(id);
  }

  /** Settles when no sale has work in progress (for tests and an orderly shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  // ---------------------------------------------------------------- the worker

  /**
   * Runs the next step for a sale; a failed step (a journal write that failed) is retried
   * later, never lost. A manual step (check now) also throws, so the cashier hears why.
   */
  private work(orderId: string, manual = false): Promise<void> {
    return this.enqueue(orderId, () => this.step(orderId, manual)).catch((err: unknown) => {
      this.log.warn('sale step failed', { orderId, error: err instanceof Error ? err.message : String(err) });
      if (!this.stopped) this.schedule(orderId, FAILURE_RETRY_MS);
      if (manual) throw err;
    });
  }

  /**
   * Everything that touches one sale (poll steps, check now, cancel) runs one at a time,
   * in order, so a status answer is always journaled before the next decision is made.
   */
  private enqueue<T>(orderId: string, fn: () => Promise<T>): Promise<T> {
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

  private async step(orderId: string, manual: boolean): Promise<void> {
    if (this.stopped) return;
    this.clearTimer(orderId);
    const order = this.store.get(orderId);
    if (!order) return;
    if (isFinal(order.state) && !this.stillWatched(order)) {
      this.settle(order);
      return;
    }
    const ctx = this.context();
    const gateway = this.gatewayFor(order, ctx);
    if (!gateway) {
      // The project changed since this sale began and its key is gone: nobody can ask
      // Pakasir about it any more, so a human must.
      this.outOfReach([order]);
      return;
    }
    switch (order.state) {
      case 'creating':
        return this.stepCreate(order, gateway, ctx);
      case 'awaiting_payment':
        return this.stepCheck(order, gateway, manual);
      case 'canceled':
      case 'expired':
      case 'needs_review':
        return this.stepWatch(order, gateway, manual);
      default:
        return;
    }
  }

  private async stepCreate(order: OrderRecord, gateway: PakasirGateway, ctx: GatewayContext): Promise<void> {
    const ref = refOf(order);
    // A create was sent before and its answer is unknown: find out before sending another.
    if (order.createAttempts > 0 && gateway.version === 'v1' && order.method !== 'paypal') {
      const status = await this.askStatus(order, gateway);
      if (status instanceof GatewayError) {
        if (status.kind === 'not_found') {
          // The earlier create never reached Pakasir: sending it now is the first transaction.
          return this.sendCreate(order, gateway, ctx);
        }
        return this.createFailed(order, status);
      }
      const verdict = judgeStatus(saleFacts(order), status);
      if (verdict.kind === 'paid') return this.finishPaid(order, status);
      // It exists but its QR payload is lost (or was refused): nobody can have seen it, so
      // cancel it at the gateway and let the cashier start a new sale (a new order_id, never
      // a second transaction under this one: v1 has no find-or-create).
      await this.bestEffortCancel(gateway, ref, order.orderId);
      const refused = this.lastCreateProblem(order.orderId);
      const reason: OrderReason = refused ? 'invalid_payload' : 'create_lost';
      const failed = this.store.transition(
        order.orderId,
        'failed',
        reason,
        { reason, reasonDetail: refused ?? `gateway status ${status.rawStatus}` },
        statusFacts(status),
        ['creating'],
      );
      this.settle(failed);
      this.publish(failed);
      if (refused) this.notify('warning', 'notice.invalidPayload', { orderId: order.orderId }, order.orderId);
      return;
    }
    // v2's create is find-or-create by order_id, so repeating it is the resolution.
    return this.sendCreate(order, gateway, ctx);
  }

  private async sendCreate(
    order: OrderRecord,
    gateway: PakasirGateway,
    ctx: GatewayContext,
    attemptNoted = false,
  ): Promise<void> {
    await this.pacer.turn();
    // Journaled before the request leaves: after a crash we know a create may exist.
    const noted = attemptNoted ? order : this.store.noteCreateAttempt(order.orderId);
    let tx: GatewayTransaction;
    try {
      tx = await gateway.create({
        orderId: order.orderId,
        amount: order.amount,
        method: gatewayMethodOf(order),
        link: ctx.link,
      });
      if (this.connectivity.ok().cameBack) this.resumeAll();
    } catch (err) {
      return this.createFailed(noted, err);
    }
    return this.acceptCreate(noted, tx, gateway);
  }

  private async acceptCreate(order: OrderRecord, tx: GatewayTransaction, gateway: PakasirGateway): Promise<void> {
    this.expiry.noteServerDate(tx.serverDate);
    const ref: TransactionRef = { ...refOf(order), txnId: tx.txnId };
    // The shop promised the customer the round price: a fee that moved since it was looked
    // up must not make the customer pay more. That transaction is canceled like any answer
    // we cannot show; the cashier makes a new QR, which asks for the fee again.
    const overPrice = order.feePayer === 'shop' && tx.totalPayment > order.price;
    const problem = overPrice
      ? `total_payment ${tx.totalPayment} is above the price ${order.price}`
      : displayProblem(order, tx);
    if (problem) {
      const reason: OrderReason = overPrice ? 'fee_above_price' : 'invalid_payload';
      // Never show what we could not verify: cancel it (best effort) and fail the sale.
      await this.bestEffortCancel(gateway, ref, order.orderId);
      const failed = this.store.transition(
        order.orderId,
        'failed',
        reason,
        { txnId: tx.txnId, reason, reasonDetail: problem },
        createFacts(tx),
        ['creating'],
      );
      this.publish(failed);
      if (!overPrice) this.notify('warning', 'notice.invalidPayload', { orderId: order.orderId }, order.orderId);
      return;
    }
    const facts: GatewayFacts = {
      txnId: tx.txnId,
      fee: tx.fee,
      totalPayment: tx.totalPayment,
      paymentNumber: tx.paymentNumber,
      paymentUrl: tx.paymentUrl,
      expiresAt: tx.expiresAt,
      lastCheckedAt: new Date(this.now()).toISOString(),
    };
    const awaiting = this.store.transition(order.orderId, 'awaiting_payment', 'created', facts, createFacts(tx), [
      'creating',
    ]);
    this.publish(awaiting);
    if (tx.status === 'completed') {
      // A find-or-create of a transaction that was paid meanwhile.
      return this.stepCheck(awaiting, gateway, true);
    }
    this.schedule(order.orderId, this.livePace(gateway).baseIntervalMs);
  }

  private async createFailed(order: OrderRecord, err: unknown): Promise<void> {
    if (err instanceof GatewayError) {
      this.connectivity.failed(err);
      if (err.transient || err.kind === 'invalid_answer') {
        // The create may or may not exist: stay in `creating`, resolve it on the next step.
        const n = (this.errors.get(order.orderId) ?? 0) + 1;
        this.errors.set(order.orderId, n);
        const refused = err.kind === 'invalid_answer' ? { detail: err.message, txnId: err.txnId } : {};
        this.store.recordFacts(
          order.orderId,
          {},
          { reason: 'create_unanswered', facts: { error: err.kind, httpStatus: err.httpStatus, ...refused } },
        );
        if (err.kind === 'invalid_answer' && this.refusedCreates(order.orderId) >= MAX_REFUSED_CREATE_ANSWERS) {
          return this.createRefused(order, err);
        }
        this.schedule(
          order.orderId,
          retryDelay(err.kind, n, this.paceFor(this.context().gateway), this.random, err.retryAfterMs),
        );
        return;
      }
      const reason: OrderReason = err.kind === 'auth' ? 'auth' : 'gateway_rejected';
      const failed = this.store.transition(
        order.orderId,
        'failed',
        reason,
        { reason, reasonDetail: err.gatewayMessage ?? err.message },
        { error: err.kind, httpStatus: err.httpStatus },
        ['creating'],
      );
      this.publish(failed);
      return;
    }
    throw err;
  }

  /** Create answers this sale got that the app could not accept (journaled, so a restart keeps count). */
  private refusedCreates(orderId: string): number {
    return this.store
      .events(orderId)
      .filter((e) => e.reason === 'create_unanswered' && e.facts?.error === 'invalid_answer').length;
  }

  /** Why the last create answer was refused, when the last create problem was a refusal. */
  private lastCreateProblem(orderId: string): string | null {
    const last = this.store
      .events(orderId)
      .filter((e) => e.reason === 'create_unanswered')
      .at(-1);
    return last?.facts?.error === 'invalid_answer' && typeof last.facts.detail === 'string' ? last.facts.detail : null;
  }

  /**
   * Pakasir keeps answering the create with something we cannot show (another amount, no QR,
   * an unreadable body): asking again will not change it. The sale fails with the reason
   * shown, and a transaction made for it is canceled (best effort: without a txn_id a v2
   * transaction cannot be named; its QR was never shown, so nobody can pay it).
   */
  private async createRefused(order: OrderRecord, err: GatewayError): Promise<void> {
    const gateway = this.gatewayFor(order, this.context());
    const ref: TransactionRef = { ...refOf(order), txnId: order.txnId ?? err.txnId };
    if (gateway && (order.apiVersion === 'v1' || ref.txnId)) await this.bestEffortCancel(gateway, ref, order.orderId);
    const failed = this.store.transition(
      order.orderId,
      'failed',
      'invalid_payload',
      { reason: 'invalid_payload', reasonDetail: err.message, ...(ref.txnId ? { txnId: ref.txnId } : {}) },
      { error: err.kind, refusedAnswers: MAX_REFUSED_CREATE_ANSWERS },
      ['creating'],
    );
    this.settle(failed);
    this.publish(failed);
    this.notify('warning', 'notice.invalidPayload', { orderId: order.orderId }, order.orderId);
  }

  private async stepCheck(order: OrderRecord, gateway: PakasirGateway, manual: boolean): Promise<void> {
    const status = await this.askStatus(order, gateway);
    if (status instanceof GatewayError) {
      const n = (this.errors.get(order.orderId) ?? 0) + 1;
      this.errors.set(order.orderId, n);
      const delay = retryDelay(status.kind, n, this.paceFor(gateway), this.random, status.retryAfterMs);
      this.schedule(order.orderId, this.clampToExpiry(order, delay));
      return;
    }
    this.errors.delete(order.orderId);
    const checked = this.store.recordFacts(order.orderId, { lastCheckedAt: new Date(this.now()).toISOString() });
    const verdict = judgeStatus(saleFacts(checked), status);
    switch (verdict.kind) {
      case 'paid':
        return this.finishPaid(checked, status);
      case 'review':
        return this.toReview(checked, verdict.reason, status);
      case 'canceled_at_gateway':
        // Pakasir is reported to call an unpaid QR whose time ran out `canceled`: past its
        // expired_at that is an expiry, so a later payment reads "paid after expiry".
        if (this.pastExpiry(checked, status)) return this.endLive(checked, 'expired', 'expired_at_gateway', status);
        return this.endLive(checked, 'canceled', 'canceled_at_gateway', status);
      case 'expired_at_gateway':
        return this.endLive(checked, 'expired', 'expired_at_gateway', status);
      case 'keep_checking': {
        if (verdict.why !== 'pending') {
          this.store.recordFacts(
            order.orderId,
            {},
            { reason: `keep_checking_${verdict.why}`, facts: statusFacts(status) },
          );
        }
        const expiresAt = checked.expiresAt ? Date.parse(checked.expiresAt) : null;
        if (expiresAt !== null && this.expiry.now() >= expiresAt + this.tuning.expiryGraceMs) {
          // This was the one more check after expired_at, and it is still not paid.
          return this.endLive(checked, 'expired', 'expired', status);
        }
        if (manual) this.publish(checked);
        this.schedule(order.orderId, this.clampToExpiry(checked, liveDelay(0, this.livePace(gateway), this.random)));
        return;
      }
    }
  }

  private async stepWatch(order: OrderRecord, gateway: PakasirGateway, manual: boolean): Promise<void> {
    if (!this.stillWatched(order)) {
      this.settle(order);
      return;
    }
    // A sale canceled before its create was answered has no known transaction (v2).
    if (order.apiVersion === 'v2' && !order.txnId) return;
    const status = await this.askStatus(order, gateway);
    if (status instanceof GatewayError) {
      this.scheduleWatch(order.orderId);
      return;
    }
    const verdict = judgeStatus(saleFacts(order), status);
    if (verdict.kind === 'review' || verdict.kind === 'paid') {
      if (order.state === 'needs_review') {
        // Proof was shown offline; Pakasir now says whether it was real.
        this.store.recordFacts(
          order.orderId,
          { paidAt: status.completedAt, watchUntil: null },
          { reason: 'gateway_confirms_completed', facts: statusFacts(status) },
        );
        this.settle(order);
        this.publish(this.mustGet(order.orderId));
        this.notify(
          'warning',
          'notice.reviewConfirmed',
          { orderId: order.orderId, amount: shownAmount(order) },
          order.orderId,
        );
        return;
      }
      const reason =
        verdict.kind === 'review'
          ? verdict.reason
          : order.state === 'canceled'
            ? 'paid_after_cancel'
            : 'paid_after_expiry';
      return this.toReview(order, reason, status);
    }
    if (manual) this.publish(order);
    this.scheduleWatch(order.orderId);
  }

  // ---------------------------------------------------------------- outcomes

  private finishPaid(order: OrderRecord, status: GatewayStatus): void {
    const paidAt = status.completedAt ?? new Date(this.now()).toISOString();
    const paid = this.store.transition(
      order.orderId,
      'paid',
      'completed',
      { paidAt, reason: null, lastCheckedAt: new Date(this.now()).toISOString() },
      statusFacts(status),
      ['creating', 'awaiting_payment'],
    );
    this.settle(order);
    this.publish(paid);
  }

  /** A sale nobody will ask Pakasir about again: drop what was kept to pace its checks. */
  private settle(order: OrderRecord): void {
    this.clearTimer(order.orderId);
    this.errors.delete(order.orderId);
    this.watchChecks.delete(order.orderId);
  }

  private toReview(order: OrderRecord, reason: OrderReason, status: GatewayStatus): void {
    const review = this.store.transition(
      order.orderId,
      'needs_review',
      reason,
      {
        reason,
        paidAt: status.completedAt,
        // For a mismatch, what Pakasir named (order, amount, txn) is what the reviewer needs.
        reasonDetail:
          reason === 'amount_mismatch' || reason === 'order_mismatch'
            ? saidByGateway(status)
            : `gateway status ${status.rawStatus}`,
        watchUntil: null,
      },
      statusFacts(status),
    );
    this.settle(order);
    this.publish(review);
    this.notify(
      'alarm',
      reason === 'paid_after_cancel' || reason === 'paid_after_expiry' ? 'notice.latePayment' : 'notice.needsReview',
      { orderId: order.orderId, amount: shownAmount(order), reason },
      order.orderId,
    );
  }

  private endLive(order: OrderRecord, to: 'canceled' | 'expired', reason: string, status: GatewayStatus | null): void {
    // The watch starts in the same write as the state change: no crash can end a sale unwatched.
    const facts: GatewayFacts = {
      reason:
        to === 'expired' ? (reason === 'expired_at_gateway' ? 'expired_at_gateway' : null) : 'canceled_at_gateway',
      watchUntil: this.watchEnd(),
    };
    const ended = this.store.transition(order.orderId, to, reason, facts, status ? statusFacts(status) : undefined, [
      'awaiting_payment',
    ]);
    this.startWatch(ended);
  }

  /** The watch ends by the earlier of our clock and Pakasir's, so a clock set ahead cannot end it early. */
  private stillWatched(order: OrderRecord): boolean {
    return order.watchUntil !== null && Date.parse(order.watchUntil) > this.expiry.now();
  }

  private watchEnd(): string {
    return new Date(this.now() + this.tuning.lateWatchHours * 3600_000).toISOString();
  }

  private startWatch(order: OrderRecord): void {
    this.watchChecks.set(order.orderId, 0);
    this.publish(order);
    this.scheduleWatch(order.orderId);
  }

  private scheduleWatch(orderId: string): void {
    const n = this.watchChecks.get(orderId) ?? 0;
    this.watchChecks.set(orderId, n + 1);
    this.schedule(orderId, watchDelay(n, this.random, this.tuning.watchFirstMs));
  }

  /** Cancel with the race resolved: a sale paid meanwhile ends paid, and the cashier is told. */
  private async cancelLive(orderId: string, reason: 'canceled_by_cashier' | 'amount_changed'): Promise<OrderRecord> {
    const order = this.mustGet(orderId);
    if (isFinal(order.state)) return order;
    const ctx = this.context();
    const gateway = this.gatewayFor(order, ctx);
    const ref = refOf(order);
    const knownAtGateway = order.createAttempts > 0 && (order.apiVersion === 'v1' || order.txnId !== null);
    let status: GatewayStatus | null = null;
    if (gateway && knownAtGateway && order.method !== 'paypal') {
      const answer = await this.askStatus(order, gateway);
      if (!(answer instanceof GatewayError)) {
        status = answer;
        const verdict = judgeStatus(saleFacts(order), status);
        if (verdict.kind === 'paid') {
          this.finishPaid(order, status);
          this.notify('warning', 'notice.paidDuringCancel', { orderId, amount: shownAmount(order) }, orderId);
          return this.mustGet(orderId);
        }
        if (verdict.kind === 'review') {
          this.toReview(order, verdict.reason, status);
          return this.mustGet(orderId);
        }
      }
      const accepted = await this.bestEffortCancel(gateway, ref, orderId);
      if (!accepted && status) {
        // Pakasir did not take the cancel, so the QR may still be paid: look once more
        // before the counter moves on (the gate keeps this within the rate limit).
        const again = await this.askStatus(order, gateway);
        if (!(again instanceof GatewayError) && judgeStatus(saleFacts(order), again).kind === 'paid') {
          this.finishPaid(order, again);
          this.notify('warning', 'notice.paidDuringCancel', { orderId, amount: shownAmount(order) }, orderId);
          return this.mustGet(orderId);
        }
      }
    }
    if (!gateway && knownAtGateway) {
      // Its project is not the one set now: we can neither ask Pakasir nor cancel there, and
      // the QR may still be paid. A human checks it; it is never simply called canceled.
      const review = this.store.transition(
        orderId,
        'needs_review',
        'cancel_unverified',
        {
          reason: 'order_mismatch',
          reasonDetail: 'canceled while its project was not the one set; not canceled at Pakasir',
        },
        undefined,
        ['creating', 'awaiting_payment'],
      );
      this.settle(review);
      this.publish(review);
      this.notify(
        'alarm',
        'notice.needsReview',
        { orderId, amount: shownAmount(order), reason: 'order_mismatch' },
        orderId,
      );
      return review;
    }
    let canceled: OrderRecord;
    try {
      const facts: GatewayFacts = knownAtGateway ? { reason, watchUntil: this.watchEnd() } : { reason };
      canceled = this.store.transition(
        orderId,
        'canceled',
        reason,
        facts,
        status ? statusFacts(status) : { status: 'unchecked' },
        ['creating', 'awaiting_payment'],
      );
    } catch (err) {
      // The poller finished this sale while we were canceling: its state stands.
      if (err instanceof PosError && err.code === 'illegal_state') return this.mustGet(orderId);
      throw err;
    }
    if (knownAtGateway) this.startWatch(canceled);
    else this.publish(canceled);
    return this.mustGet(orderId);
  }

  /** True when Pakasir accepted the cancel. */
  private async bestEffortCancel(gateway: PakasirGateway, ref: TransactionRef, orderId: string): Promise<boolean> {
    try {
      await gateway.cancel(ref);
      this.store.recordFacts(orderId, {}, { reason: 'gateway_cancel_sent' });
      return true;
    } catch (err) {
      // v2 may have no cancel; the sale is still watched for a late payment.
      this.store.recordFacts(
        orderId,
        {},
        { reason: 'gateway_cancel_failed', facts: { error: err instanceof GatewayError ? err.kind : 'unknown' } },
      );
      return false;
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * One status call for a sale, through the gate (so every caller keeps Pakasir's pace),
   * with connectivity updated from how it went. A gateway failure is returned, not thrown:
   * every caller has its own way to carry on.
   */
  private async askStatus(order: OrderRecord, gateway: PakasirGateway): Promise<GatewayStatus | GatewayError> {
    const ref = refOf(order);
    try {
      const status = await this.gate.run(keyOf(ref), this.paceFor(gateway), () => gateway.status(ref));
      this.expiry.noteServerDate(status.serverDate);
      this.margin.clean();
      if (this.connectivity.ok().cameBack) this.resumeAll();
      return status;
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      this.connectivity.failed(err);
      if (err.kind === 'rate_limited')
        this.log.warn('Pakasir said too many status calls; widening the pace margin', {
          marginMs: this.margin.rateLimited(),
        });
      return err;
    }
  }

  /** The gateway of the sale's own API version, project and address (null: out of reach). */
  private gatewayFor(order: OrderRecord, ctx: GatewayContext): PakasirGateway | null {
    // A sale from before addresses were recorded was made at the address set then.
    const env: SaleEnvironment = {
      apiVersion: order.apiVersion,
      project: order.project,
      baseUrl: order.baseUrl ?? ctx.baseUrl,
    };
    if (env.apiVersion === ctx.version && env.project === ctx.project && env.baseUrl === ctx.baseUrl)
      return ctx.gateway;
    return this.otherGateway(env);
  }

  private paceFor(gateway: PakasirGateway): PaceOptions {
    const min = gateway.minStatusIntervalMs;
    return pacedFor(
      min,
      gateway.version === 'v1' ? Math.max(min, this.tuning.v1StatusIntervalMs) : min,
      this.margin.marginMs,
    );
  }

  /** The pace of routine checks of a live sale: slower while push hints can arrive. */
  private livePace(gateway: PakasirGateway): PaceOptions {
    const pace = this.paceFor(gateway);
    return this.pushUp
      ? { ...pace, baseIntervalMs: Math.max(pace.baseIntervalMs, this.tuning.pushPollIntervalMs) }
      : pace;
  }

  /**
   * Whether the QR's expired_at had passed when Pakasir answered: by the answer's own Date
   * header when it has one (whole seconds, so up to a second early), else by our expiry clock.
   */
  private pastExpiry(order: OrderRecord, status: GatewayStatus): boolean {
    if (!order.expiresAt) return false;
    const expiresAt = Date.parse(order.expiresAt);
    const said = status.serverDate ? Date.parse(status.serverDate) : NaN;
    if (Number.isFinite(said)) return said + 1000 >= expiresAt;
    return this.expiry.now() >= expiresAt;
  }

  private clampToExpiry(order: OrderRecord, delay: number): number {
    if (!order.expiresAt) return delay;
    const untilFinal = Date.parse(order.expiresAt) + this.tuning.expiryGraceMs - this.expiry.now();
    return untilFinal > 0 ? Math.min(delay, untilFinal) : delay;
  }

  private schedule(orderId: string, delayMs: number): void {
    if (this.stopped) return;
    const wait = capWait(delayMs);
    const at = this.clock.now() + wait;
    const existing = this.timers.get(orderId);
    if (existing && existing.at <= at) return;
    existing?.cancel();
    const cancel = this.clock.setTimer(() => {
      this.timers.delete(orderId);
      void this.work(orderId);
    }, wait);
    this.timers.set(orderId, { cancel, at });
  }

  private clearTimer(orderId: string): void {
    this.timers.get(orderId)?.cancel();
    this.timers.delete(orderId);
  }

  /** Back online: every open sale is checked again soon instead of waiting out its backoff. */
  private resumeAll(): void {
    let i = 0;
    for (const order of this.store.listLive()) {
      this.errors.delete(order.orderId);
      this.schedule(order.orderId, 100 + i * 100);
      i += 1;
    }
  }

  private onConnectivity(view: ConnectivityView): void {
    this.bus.emit('connectivityChanged', view);
  }

  /**
   * The sale as the windows see it. "Simulate payment" is offered only where it works: a
   * sandbox sale still waiting, whose gateway can simulate (v1's paymentsimulation, or demo
   * mode's local simulator; real v2 has no simulation).
   */
  private view(order: OrderRecord): OrderView {
    let canSimulate = false;
    if (order.sandbox && order.state === 'awaiting_payment' && order.method !== 'paypal') {
      try {
        canSimulate = this.gatewayFor(order, this.context())?.canSimulate ?? false;
      } catch {
        canSimulate = false;
      }
    }
    return toView(order, canSimulate);
  }

  private setActive(order: OrderRecord): void {
    this.activeOrderId = order.orderId;
    this.bus.emit('activeSaleChanged', this.view(order));
  }

  private publish(order: OrderRecord): void {
    this.bus.emit('orderUpdated', this.view(order));
  }

  private notify(level: NoticeLevel, key: string, params: Record<string, string | number>, orderId?: string): void {
    this.noticeSeq += 1;
    const notice: Notice = {
      id: `n${this.now()}-${this.noticeSeq}`,
      level,
      key,
      params,
      at: new Date(this.now()).toISOString(),
    };
    if (orderId) notice.orderId = orderId;
    this.bus.emit('notice', notice);
    this.log.warn('notice', { key, orderId });
  }

  private mustGet(orderId: string): OrderRecord {
    const order = this.store.get(orderId);
    if (!order) throw new PosError('not_found', `No sale ${orderId} in the journal.`);
    return order;
  }
}

export { toView };
export type { OrderState };
