import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../../src/main/events/event-bus';
import { openOrderStore } from '../../src/main/orders/journal';
import type { OrderStore } from '../../src/main/orders/order-store';
import { createGateway } from '../../src/main/pakasir/create-gateway';
import type { PaymentTuning } from '../../src/main/payments/engine-tuning';
import { PaymentService } from '../../src/main/payments/payment-service';
import type { ApiVersion } from '../../src/shared/methods';
import { randomApiKey } from '../../src/simulator/simulator';
import { ManualClock } from './manual-clock';
import { startTestSimulator, type TestSimulator } from './simulator';

export interface VirtualRig {
  clock: ManualClock;
  sim: TestSimulator;
  service: PaymentService;
  store: OrderStore;
  /** Pace-clock time of every status request the engine sent. */
  statusCalls: number[];
  close(): Promise<void>;
}

/**
 * A real payment engine and a real simulator over real HTTP, on a clock the test moves:
 * the engine paces on a ManualClock, the engine's and the simulator's wall clocks follow it,
 * and time moves on only when no request is in flight. Waits of seconds or minutes take
 * milliseconds, and every time read in an assertion is the one the engine used.
 */
export async function startVirtualEngine(
  version: ApiVersion,
  opts: {
    tuning?: Partial<PaymentTuning>;
    random?: () => number;
    /** How far the till's wall clock is off from Pakasir's (ms; positive: ahead). */
    wallOffsetMs?: number;
    expiryMs?: number;
  } = {},
): Promise<VirtualRig> {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const idle = () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve)));
  const clock = new ManualClock(1_000_000, idle);
  const wallStart = Date.parse('2026-11-25T03:00:00.000Z');
  const pakasirWall = () => wallStart + clock.now();
  const wall = () => pakasirWall() + (opts.wallOffsetMs ?? 0);
  const sim = await startTestSimulator({ clock: pakasirWall, expiryMs: opts.expiryMs ?? 15 * 60_000 });
  const statusCalls: number[] = [];
  const counted: typeof fetch = async (input, init) => {
    const url = String(input);
    if (/transactiondetail|transaction-status/.test(url)) statusCalls.push(clock.now());
    inFlight += 1;
    try {
      return await fetch(input, init);
    } finally {
      inFlight -= 1;
      if (inFlight === 0 && wake) {
        const w = wake;
        wake = null;
        w();
      }
    }
  };
  const dir = mkdtempSync(join(tmpdir(), 'pos-virtual-'));
  const store = openOrderStore({ file: join(dir, 'orders.sqlite'), now: () => new Date(wall()) });
  const gateway = createGateway({
    version,
    baseUrl: sim.baseUrl,
    project: sim.sandbox.slug,
    apiKey: sim.sandbox.apiKey,
    timeoutMs: 5000,
    fetch: counted,
  });
  const service = new PaymentService({
    store,
    bus: new EventBus(),
    context: () => ({
      gateway,
      project: sim.sandbox.slug,
      version,
      baseUrl: sim.baseUrl,
      sandbox: true,
      demo: false,
      terminalPrefix: `V${randomApiKey()
        .replace(/[^A-Z0-9]/gi, '')
        .slice(0, 5)
        .toUpperCase()}`,
      link: { qrisOnly: false, redirectUrl: null },
    }),
    log: { info() {}, warn() {} },
    now: wall,
    clock,
    random: opts.random ?? (() => 0.5),
    tuning: { createSpacingMs: 0, ...opts.tuning },
  });
  return {
    clock,
    sim,
    service,
    store,
    statusCalls,
    async close() {
      service.stop();
      await clock.runAll(60_000).catch(() => undefined);
      store.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
