import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { OrderView } from '../src/shared/domain';
import { EventBus } from '../src/main/events/event-bus';
import { openOrderStore } from '../src/main/orders/journal';
import { createGateway } from '../src/main/pakasir/create-gateway';
import { GatewayError, type PakasirGateway } from '../src/main/pakasir/gateway';
import { PaymentService } from '../src/main/payments/payment-service';
import { createSimulator, randomApiKey, type SimProject, type SimStats } from '../src/simulator/simulator';
import { gatewayCalls, type GatewayCall } from './lib/gateway-calls';
import { epochMs, sleep } from './lib/stats';

/**
 * Paid-to-shown statistics need many sales, and API v2 allows one status call per 4 s per
 * transaction, so one counter gives one sample every ~7 s. Here many counters run at once,
 * each a real PaymentService with its own journal file, terminal prefix and Pakasir project
 * (so Pakasir's per-project create rate holds per counter), against one real simulator over
 * HTTP. "Shown" is the engine publishing `paid` on its event bus; what the windows add after
 * that is measured in the browser samples.
 *
 * The naive poller is what common SDK examples do: create, then ask for the status every 3 s
 * whatever the gateway allows. It uses the same v2 gateway client against its own simulator
 * (so its 429s do not count against the engine).
 */

export interface EngineSample {
  orderId: string;
  /** Payment to `paid` published, ms. */
  shownMs: number;
}

export interface EngineRun {
  samples: EngineSample[];
  sales: number;
  stats: SimStats;
  /** Every request the engine sent, from the benchmark's fetch timer. */
  calls: GatewayCall[];
  /** txn_id -> order_id, to count status calls per sale. */
  orderOfTxn: Map<string, string>;
}

const AMOUNT = 23_500;

function projectsFor(prefix: string, n: number): SimProject[] {
  return Array.from({ length: n }, (_, i) => ({ slug: `${prefix}-${i}`, apiKey: randomApiKey(), sandbox: true }));
}

function waitPaid(bus: EventBus, orderId: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`sale ${orderId} was not seen paid within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = bus.on('orderUpdated', (o: OrderView) => {
      if (o.orderId === orderId && o.state === 'paid') {
        const at = epochMs();
        clearTimeout(timer);
        off();
        resolve(at);
      }
    });
  });
}

export async function runEngineCounters(opts: {
  counters: number;
  salesPerCounter: number;
  maxPayDelayMs: number;
  random: () => number;
  tmpRoot: string;
}): Promise<EngineRun> {
  const projects = projectsFor('bench', opts.counters);
  const sim = await createSimulator({ projects });
  const dir = mkdtempSync(join(opts.tmpRoot, 'engines-'));
  const samples: EngineSample[] = [];
  const quiet = { info() {}, warn() {} };
  const start = epochMs();
  try {
    await Promise.all(
      projects.map(async (project, i) => {
        const store = openOrderStore({ file: join(dir, `counter-${i}.sqlite`) });
        const bus = new EventBus();
        const gateway = createGateway({
          version: 'v2',
          baseUrl: sim.baseUrl,
          project: project.slug,
          apiKey: project.apiKey,
        });
        const context = {
          gateway,
          project: project.slug,
          version: 'v2' as const,
          baseUrl: sim.baseUrl,
          sandbox: true,
          demo: false,
          terminalPrefix: `C${i}`,
          link: { qrisOnly: false, redirectUrl: null },
        };
        const service = new PaymentService({ store, bus, context: () => context, log: quiet });
        // Counters start spread over a second, as real ones would not start in lockstep.
        await sleep(opts.random() * 1000);
        try {
          for (let s = 0; s < opts.salesPerCounter; s += 1) {
            const sale = await service.charge({ amount: AMOUNT, method: 'qris' });
            if (sale.state !== 'awaiting_payment') throw new Error(`sale ${sale.orderId} is ${sale.state}`);
            await sleep(opts.random() * opts.maxPayDelayMs);
            const seen = waitPaid(bus, sale.orderId, 30_000);
            const paidAt = epochMs();
            sim.pay(sale.orderId, project.slug);
            samples.push({ orderId: sale.orderId, shownMs: (await seen) - paidAt });
            service.dismissSale(sale.orderId);
            await sleep(600);
          }
        } finally {
          service.stop();
          await service.idle();
          store.close();
        }
      }),
    );
    const slugs = new Set(projects.map((p) => p.slug));
    const calls = gatewayCalls().filter((c) => c.startedAt >= start && slugs.has(c.project));
    const orderOfTxn = new Map(sim.transactions().map((t) => [t.txnId, t.orderId] as const));
    return { samples, sales: opts.counters * opts.salesPerCounter, stats: sim.stats(), calls, orderOfTxn };
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface NaiveRun {
  samples: EngineSample[];
  sales: number;
  stats: SimStats;
  /** Status calls answered 429 (over the limit). */
  rejected: number;
}

async function naiveSale(
  gateway: PakasirGateway,
  orderId: string,
  pay: () => void,
  payDelayMs: number,
  intervalMs: number,
  counters: { rejected: number },
): Promise<number> {
  const tx = await gateway.create({ orderId, amount: AMOUNT, method: 'qris' });
  const ref = { orderId, amount: AMOUNT, txnId: tx.txnId, method: 'qris' as const };
  let paidAt = 0;
  const payTimer = setTimeout(() => {
    paidAt = epochMs();
    pay();
  }, payDelayMs);
  try {
    for (;;) {
      await sleep(intervalMs);
      try {
        const status = await gateway.status(ref);
        if (status.status === 'completed' && paidAt) return epochMs() - paidAt;
      } catch (err) {
        if (err instanceof GatewayError && err.kind === 'rate_limited') counters.rejected += 1;
        else throw err;
      }
    }
  } finally {
    clearTimeout(payTimer);
  }
}

export async function runNaivePoller(opts: {
  counters: number;
  salesPerCounter: number;
  maxPayDelayMs: number;
  intervalMs: number;
  random: () => number;
}): Promise<NaiveRun> {
  const projects = projectsFor('naive', opts.counters);
  const sim = await createSimulator({ projects });
  const samples: EngineSample[] = [];
  const counters = { rejected: 0 };
  try {
    await Promise.all(
      projects.map(async (project, i) => {
        const gateway = createGateway({
          version: 'v2',
          baseUrl: sim.baseUrl,
          project: project.slug,
          apiKey: project.apiKey,
        });
        await sleep(opts.random() * 1000);
        for (let s = 0; s < opts.salesPerCounter; s += 1) {
          const orderId = `NAIVE${i}-${s}-${Date.now()}`;
          const shownMs = await naiveSale(
            gateway,
            orderId,
            () => sim.pay(orderId, project.slug),
            opts.random() * opts.maxPayDelayMs,
            opts.intervalMs,
            counters,
          );
          samples.push({ orderId, shownMs });
          await sleep(600);
        }
      }),
    );
    return { samples, sales: opts.counters * opts.salesPerCounter, stats: sim.stats(), rejected: counters.rejected };
  } finally {
    await sim.close();
  }
}
