import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { EventBus } from '../src/main/events/event-bus';
import { openOrderStore } from '../src/main/orders/journal';
import { createGateway } from '../src/main/pakasir/create-gateway';
import { PaymentService } from '../src/main/payments/payment-service';
import { memorySafeStorage } from '../src/main/settings/secret-store';
import { ShopServerLinkStore } from '../src/main/sync/shop-server-link';
import { createSyncService, type SyncService } from '../src/main/sync/sync-service';
import { createPairingCode, redeemPairingCode } from '../src/server/tills/tills';
import type { OrderView } from '../src/shared/domain';
import { createSimulator, randomApiKey, type SimProject } from '../src/simulator/simulator';
import { gatewayCalls } from './lib/gateway-calls';
import { epochMs, sleep } from './lib/stats';

export interface PaidRun {
  push: number[];
  poll: number[];
  /** Median status round trip to the simulator, ms. */
  statusRttMs: number;
  /** Push-mode status calls per sale (the safety-net polls and the confirming call). */
  pushStatusCallsPerSale: number;
  pollStatusCallsPerSale: number;
  rateLimitViolations: number;
}

const AMOUNT = 23_500;
const quiet = { info() {}, warn() {} };

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

/**
 * Paid to shown, with the push channel and without, side by side in one run against one
 * simulator (Pakasir's v2 limit of one status call per 4 s per transaction) whose webhook
 * goes to the shop server. Push counters are paired with the server (webhook -> server ->
 * the till's SSE channel -> a status call through the gate -> paid); poll counters are not
 * paired and poll exactly as a till without a server does. The simulator pays each sale at
 * a uniformly random moment 0-12 s after its QR is up; the clock stops when the engine
 * publishes `paid`.
 */
export async function paidRun(opts: {
  serverUrl: string;
  pool: pg.Pool;
  webhookSecret: string;
  counters: number;
  salesPerCounter: number;
  maxPayDelayMs: number;
  random: () => number;
  tmpRoot: string;
}): Promise<PaidRun> {
  const projects: SimProject[] = Array.from({ length: opts.counters * 2 }, (_, i) => ({
    slug: `paid-${i}`,
    apiKey: randomApiKey(),
    sandbox: true,
  }));
  const sim = await createSimulator({
    projects,
    webhook: { url: `${opts.serverUrl}/webhooks/pakasir`, secret: opts.webhookSecret, version: 'v2' },
  });
  const samples = { push: [] as number[], poll: [] as number[] };
  /** txn_id -> which kind of counter it belongs to, to count status calls per sale. */
  const txnOwner = new Map<string, 'push' | 'poll'>();
  try {
    // The floor's round trip: one status call each on fresh transactions (never over the limit).
    const probe = createGateway({
      version: 'v2',
      baseUrl: sim.baseUrl,
      project: projects[0]!.slug,
      apiKey: projects[0]!.apiKey,
    });
    const rtts: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      const tx = await probe.create({ orderId: `RTT-${i}-${Date.now()}`, amount: AMOUNT, method: 'qris' });
      const t0 = performance.now();
      await probe.status({ orderId: tx.orderId, amount: AMOUNT, txnId: tx.txnId, method: 'qris' });
      rtts.push(performance.now() - t0);
    }
    rtts.sort((a, b) => a - b);
    const statusRttMs = rtts[Math.floor(rtts.length / 2)]!;
    sim.reset();
    const runStart = epochMs();

    await Promise.all(
      projects.map(async (project, i) => {
        const mode: 'push' | 'poll' = i % 2 === 0 ? 'push' : 'poll';
        const prefix = `${mode === 'push' ? 'P' : 'Q'}${i}`;
        const dir = mkdtempSync(join(opts.tmpRoot, `paid-${prefix}-`));
        const store = openOrderStore({ file: join(dir, 'orders.sqlite') });
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
          terminalPrefix: prefix,
          link: { qrisOnly: false, redirectUrl: null },
        };
        const service = new PaymentService({ store, bus, context: () => context, log: quiet });
        let sync: SyncService | null = null;
        if (mode === 'push') {
          const { code } = await createPairingCode(opts.pool, `Kasir ${prefix}`);
          // Straight to the database: the pairing route allows ten attempts a minute per address.
          const pair = await redeemPairingCode(opts.pool, { code, tillName: prefix, orderPrefix: prefix, firstSeq: 1 });
          new ShopServerLinkStore({ dataDir: dir, safeStorage: memorySafeStorage() }).save(
            { url: opts.serverUrl, tillId: pair.tillId, tillName: prefix, token: pair.token },
            { acceptInsecure: true, at: new Date().toISOString() },
          );
          sync = createSyncService({
            dataDir: dir,
            journalFile: store.file,
            bus,
            payments: service,
            safeStorage: memorySafeStorage(),
            settings: () => ({ acceptInsecureStorage: true, terminalPrefix: prefix }),
            log: quiet,
          });
          for (let t = 0; sync.status().pushChannel !== 'up'; t += 1) {
            if (t > 200) throw new Error('the push channel did not open');
            await sleep(50);
          }
        }
        // Counters start spread over a second, as real ones would not start in lockstep.
        await sleep(opts.random() * 1000);
        try {
          for (let s = 0; s < opts.salesPerCounter; s += 1) {
            const sale = await service.charge({ amount: AMOUNT, method: 'qris' });
            if (sale.state !== 'awaiting_payment') throw new Error(`sale ${sale.orderId} is ${sale.state}`);
            if (sale.txnId) txnOwner.set(sale.txnId, mode);
            await sleep(opts.random() * opts.maxPayDelayMs);
            const seen = waitPaid(bus, sale.orderId, 30_000);
            const paidAt = epochMs();
            sim.pay(sale.orderId, project.slug);
            samples[mode].push((await seen) - paidAt);
            service.dismissSale(sale.orderId);
            await sleep(600);
          }
        } finally {
          await sync?.stop();
          service.stop();
          await service.idle();
          store.close();
        }
      }),
    );
    const calls = { push: 0, poll: 0 };
    for (const c of gatewayCalls()) {
      const mode = c.route === 'status' && c.startedAt >= runStart ? txnOwner.get(c.key) : undefined;
      if (mode) calls[mode] += 1;
    }
    return {
      push: samples.push,
      poll: samples.poll,
      statusRttMs,
      pushStatusCallsPerSale: calls.push / Math.max(1, samples.push.length),
      pollStatusCallsPerSale: calls.poll / Math.max(1, samples.poll.length),
      rateLimitViolations: sim.stats().rateLimitViolations,
    };
  } finally {
    await sim.close();
  }
}
