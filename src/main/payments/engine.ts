import type { ConnectivityView, Notice, NoticeLevel, OrderView } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';
import type { OrderRecord, OrderStore } from '../orders/order-store';
import type { PakasirGateway } from '../pakasir/gateway';
import { priceAsIs, type AmountPlanner } from './amount-plan';
import { ConnectivityTracker } from './connectivity';
import { CreatePacer } from './create-pacer';
import { DEFAULT_TUNING, type PaymentTuning } from './engine-tuning';
import { ExpiryClock } from './expiry-clock';
import { gatewayForSale, paceOf, type GatewayContext, type SaleEnvironment } from './gateway-selection';
import { monotonicClock, type PaceClock } from './pace-clock';
import { MarginLearner, type PaceOptions } from './poll-schedule';
import { SaleSchedule } from './sale-schedule';
import { toView } from './sale-view';
import { StatusGate } from './status-gate';

export interface EngineLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

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
  /** Runs `fn` after the current turn of the event loop. Default setImmediate. */
  defer?: (fn: () => void) => void;
}

/**
 * What every part of the payment engine shares: its inputs, the pacing state (gate, pacer,
 * margin, expiry clock, connectivity), the per-sale bookkeeping (schedule, error and watch
 * counts) and how a change reaches the windows. The parts that decide (create, check,
 * outcomes, late watch, cancel, recovery, cashier actions) are functions over this.
 */
export class Engine {
  readonly store: OrderStore;
  readonly bus: EventBus;
  readonly context: () => GatewayContext;
  readonly log: EngineLog;
  readonly now: () => number;
  readonly clock: PaceClock;
  readonly random: () => number;
  readonly tuning: PaymentTuning;
  readonly planAmount: AmountPlanner;
  readonly gate: StatusGate;
  readonly pacer: CreatePacer;
  readonly connectivity: ConnectivityTracker;
  /** The earlier of our clock and Pakasir's: what expiry and the watch's end are judged by. */
  readonly expiry: ExpiryClock;
  readonly margin = new MarginLearner();
  /** Failed checks in a row, per sale: the backoff of its next one. */
  readonly errors = new Map<string, number>();
  /** Late-watch checks made, per sale: the backoff of its next one. */
  readonly watchChecks = new Map<string, number>();
  /** Sales with a payment hint being checked: a burst of hints costs one status call. */
  readonly hinted = new Set<string>();
  activeOrderId: string | null = null;
  stopped = false;
  pushUp = false;
  private readonly otherGateway: (sale: SaleEnvironment) => PakasirGateway | null;
  private readonly timers: SaleSchedule;
  private readonly defer: (fn: () => void) => void;
  private noticeSeq = 0;

  /** `due` runs a sale's next step when its timer fires (the worker, wired by the service). */
  constructor(deps: PaymentServiceDeps, due: (orderId: string) => void) {
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
    this.timers = new SaleSchedule(this.clock, due);
    this.defer = deps.defer ?? ((fn) => void setImmediate(fn));
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  // ---------------------------------------------------------------- gateway selection

  /** The gateway of the sale's own API version, project and address (null: out of reach). */
  gatewayFor(order: OrderRecord, ctx: GatewayContext = this.context()): PakasirGateway | null {
    return gatewayForSale(order, ctx, this.otherGateway);
  }

  paceFor(gateway: PakasirGateway): PaceOptions {
    return paceOf(gateway, this.tuning.v1StatusIntervalMs, this.margin);
  }

  /** The pace of routine checks of a live sale: slower while push hints can arrive. */
  livePace(gateway: PakasirGateway): PaceOptions {
    const pace = this.paceFor(gateway);
    return this.pushUp
      ? { ...pace, baseIntervalMs: Math.max(pace.baseIntervalMs, this.tuning.pushPollIntervalMs) }
      : pace;
  }

  // ---------------------------------------------------------------- the schedule

  schedule(orderId: string, delayMs: number): void {
    if (this.stopped) return;
    this.timers.at(orderId, delayMs);
  }

  clearTimer(orderId: string): void {
    this.timers.clear(orderId);
  }

  stop(): void {
    this.stopped = true;
    this.timers.clearAll();
  }

  /** A sale nobody will ask Pakasir about again: drop what was kept to pace its checks. */
  settle(order: OrderRecord): void {
    this.clearTimer(order.orderId);
    this.errors.delete(order.orderId);
    this.watchChecks.delete(order.orderId);
  }

  /** Back online: every open sale is checked again soon instead of waiting out its backoff. */
  resumeAll(): void {
    let i = 0;
    for (const order of this.store.listLive()) {
      this.errors.delete(order.orderId);
      this.schedule(order.orderId, 100 + i * 100);
      i += 1;
    }
  }

  // ---------------------------------------------------------------- what the windows hear

  /**
   * The sale as the windows see it. "Simulate payment" is offered only where it works: a
   * sandbox sale still waiting, whose gateway can simulate (v1's paymentsimulation, or demo
   * mode's local simulator; real v2 has no simulation).
   */
  view(order: OrderRecord): OrderView {
    let canSimulate = false;
    if (order.sandbox && order.state === 'awaiting_payment' && order.method !== 'paypal') {
      try {
        canSimulate = this.gatewayFor(order)?.canSimulate ?? false;
      } catch {
        canSimulate = false;
      }
    }
    return toView(order, canSimulate);
  }

  setActive(order: OrderRecord): void {
    this.activeOrderId = order.orderId;
    this.bus.emit('activeSaleChanged', this.view(order));
  }

  /**
   * A new sale is the counter's at once, and the windows hear of it after this turn: once
   * its create is on its way to Pakasir (see chargeNow), so building and sending the event
   * no longer delays the request. They hear the sale as it is by then, so a quick answer
   * already published is never overtaken by an older `creating`. Run outside the charge, a
   * listener that throws (a window closing under Electron) is logged: it must not take main
   * down, and the sale is already journaled and on its way.
   */
  setActiveSoon(order: OrderRecord): void {
    this.activeOrderId = order.orderId;
    this.defer(() => {
      if (this.activeOrderId !== order.orderId) return;
      let latest = order;
      try {
        latest = this.store.get(order.orderId) ?? order;
      } catch {
        // A journal that cannot be read now (its banner says so): the sale as it was written.
      }
      try {
        this.bus.emit('activeSaleChanged', this.view(latest));
      } catch (err) {
        this.log.warn('could not tell the windows of a new sale', {
          orderId: order.orderId,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    });
  }

  publish(order: OrderRecord): void {
    this.bus.emit('orderUpdated', this.view(order));
  }

  notify(level: NoticeLevel, key: string, params: Record<string, string | number>, orderId?: string): void {
    this.noticeSeq += 1;
    const notice: Notice = { id: `n${this.now()}-${this.noticeSeq}`, level, key, params, at: this.nowIso() };
    if (orderId) notice.orderId = orderId;
    this.bus.emit('notice', notice);
    this.log.warn('notice', { key, orderId });
  }

  mustGet(orderId: string): OrderRecord {
    const order = this.store.get(orderId);
    if (!order) throw new PosError('not_found', `No sale ${orderId} in the journal.`);
    return order;
  }

  private onConnectivity(view: ConnectivityView): void {
    this.bus.emit('connectivityChanged', view);
  }
}
