import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { OrderView } from '../src/shared/domain';
import { EventBus } from '../src/main/events/event-bus';
import { openOrderStore } from '../src/main/orders/journal';
import { createGateway } from '../src/main/pakasir/create-gateway';
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
 * that is measured in the browser samples. The peer, pakasir-sdk's own poller, is in
 * sdk-poller.ts.
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
