import { mkdtempSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../../src/main/events/event-bus';
import { openOrderStore } from '../../src/main/orders/journal';
import type { OrderStore } from '../../src/main/orders/order-store';
import { createGateway } from '../../src/main/pakasir/create-gateway';
import type { PakasirGateway } from '../../src/main/pakasir/gateway';
import { toView } from '../../src/main/payments/sale-view';
import type { ApiVersion } from '../../src/shared/methods';
import type { PaymentTuning } from '../../src/main/payments/engine-tuning';
import type { GatewayContext } from '../../src/main/payments/gateway-selection';
import { PaymentService } from '../../src/main/payments/payment-service';
import type { OrderView } from '../../src/shared/domain';
import type { TestSimulator } from './simulator';

export interface EngineRig {
  service: PaymentService;
  store: OrderStore;
  bus: EventBus;
  dir: string;
  updates: OrderView[];
  /** Resolves when the sale reaches one of the given states (or rejects after timeoutMs). */
  waitFor(orderId: string, states: string[], timeoutMs?: number): Promise<OrderView>;
  close(): Promise<void>;
}

/**
 * A real payment engine on a real SQLite file, talking HTTP to a real simulator.
 * v1 runs at a quick pace (the guide states no limit); v2 always keeps Pakasir's 4 s.
 */
export function startEngine(
  sim: TestSimulator,
  opts: {
    version: ApiVersion;
    production?: boolean;
    timeoutMs?: number;
    tuning?: Partial<PaymentTuning>;
    dir?: string;
    terminal?: string;
    now?: () => number;
    wrapGateway?: (g: PakasirGateway) => PakasirGateway;
    inspectConnection?: (db: Database.Database) => void;
    /** v2: point payment simulation at the simulator, as demo mode does (default true). */
    simulation?: boolean;
    /** What the engine runs after the current turn (default setImmediate). */
    defer?: (fn: () => void) => void;
    /** Where the engine's warnings go (default nowhere). */
    log?: {
      info(message: string, fields?: Record<string, unknown>): void;
      warn(message: string, fields?: Record<string, unknown>): void;
    };
  },
): EngineRig {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'pos-engine-'));
  // The journal's timestamps follow the same (possibly stepped) wall clock as the engine.
  const wall = opts.now;
  const store = openOrderStore({
    file: join(dir, 'orders.sqlite'),
    ...(wall ? { now: () => new Date(wall()) } : {}),
    ...(opts.inspectConnection ? { inspectConnection: opts.inspectConnection } : {}),
  });
  const bus = new EventBus();
  const project = opts.production ? sim.production : sim.sandbox;
  const real = createGateway({
    version: opts.version,
    baseUrl: sim.baseUrl,
    project: project.slug,
    apiKey: project.apiKey,
    timeoutMs: opts.timeoutMs ?? 2000,
    v1StatusIntervalMs: 150,
    ...(opts.simulation === false ? {} : { simulationUrl: `${sim.baseUrl}/__sim/pay` }),
  });
  const gateway = opts.wrapGateway ? opts.wrapGateway(real) : real;
  const context: GatewayContext = {
    gateway,
    project: project.slug,
    version: opts.version,
    baseUrl: sim.baseUrl,
    sandbox: project.sandbox,
    demo: false,
    // Each engine is its own counter: a unique terminal prefix keeps order ids apart.
    terminalPrefix: opts.terminal ?? `T${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    link: { qrisOnly: false, redirectUrl: null },
  };
  const quiet = { info() {}, warn() {} };
  const service = new PaymentService({
    store,
    bus,
    context: () => context,
    log: opts.log ?? quiet,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.defer ? { defer: opts.defer } : {}),
    tuning: { v1StatusIntervalMs: 150, expiryGraceMs: 300, createSpacingMs: 0, ...opts.tuning },
  });
  const updates: OrderView[] = [];
  bus.on('orderUpdated', (o) => updates.push(o));

  return {
    service,
    store,
    bus,
    dir,
    updates,
    waitFor(orderId, states, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const current = store.get(orderId);
        if (current && states.includes(current.state)) return resolve(toView(current));
        const timer = setTimeout(() => {
          off();
          reject(new Error(`sale ${orderId} stayed ${store.get(orderId)?.state} (wanted ${states.join('|')})`));
        }, timeoutMs);
        const off = bus.on('orderUpdated', (o) => {
          if (o.orderId === orderId && states.includes(o.state)) {
            clearTimeout(timer);
            off();
            resolve(o);
          }
        });
      });
    },
    async close() {
      service.stop();
      await service.idle();
      store.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
