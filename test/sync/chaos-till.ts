/**
 * One till for the chaos run, as a process the parent kills with SIGKILL at random moments.
 * It writes a fixed plan of sales through the real journal and pushes with the real sync
 * service, exactly as the app does: gateway sales (opened, shown, then paid, canceled or
 * expired), cash sales and split sales (cash part, then the rest by the gateway) at the
 * counter, refunds and voids, and shifts (opened, cash out, closed with a count), every
 * step its own fsynced transaction with its outbox rows. On every start it resumes the plan
 * from its journal.
 *
 * argv: dataDir seed tillIndex count baseTimeMs spacingMs
 */
import { join } from 'node:path';
import { EventBus } from '../../src/main/events/event-bus';
import { openOrderStore } from '../../src/main/orders/journal';
import { memorySafeStorage } from '../../src/main/settings/secret-store';
import { createSyncService } from '../../src/main/sync/sync-service';
import { ChaosCounter } from './chaos-counter';
import { planSale, type PlannedSale } from './chaos-plan';

const [dataDir, seedArg, tillArg, countArg, baseArg, spacingArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
const [seed, till, count, base, spacing] = [seedArg, tillArg, countArg, baseArg, spacingArg].map(Number) as [
  number,
  number,
  number,
  number,
  number,
];

let clock = base;
const store = openOrderStore({
  file: join(dataDir, 'orders.sqlite'),
  now: () => new Date(clock),
  timeZone: 'Asia/Jakarta',
});
const sync = createSyncService({
  dataDir,
  journalFile: store.file,
  bus: new EventBus(),
  payments: { paymentHint: () => false, setPushChannel: () => undefined },
  safeStorage: memorySafeStorage(),
  settings: () => ({ acceptInsecureStorage: true, terminalPrefix: `CH${till}` }),
  // Warnings go to stderr: the parent shows the last ones if the run does not converge.
  log: {
    info() {},
    warn(message: string, fields?: Record<string, unknown>) {
      process.stderr.write(`${message} ${JSON.stringify(fields ?? {})}\n`);
    },
  },
  tuning: {
    idleCheckMs: 50,
    backoffFirstMs: 50,
    backoffMaxMs: 500,
    requestTimeoutMs: 1_500,
    pushSilenceMs: 2_000,
    pushBackoffFirstMs: 50,
  },
});

const counter = new ChaosCounter(store.file, till, () => new Date(clock), {
  terminal: `CH${till}`,
  apiVersion: 'v2',
  sandbox: false,
  project: 'toko-chaos',
});

const planIndex = (note: string): number => Number(/^plan:(\d+)$/.exec(note)?.[1] ?? -1);

function advance(orderId: string, sale: PlannedSale): void {
  let order = store.get(orderId)!;
  if (order.state === 'creating') {
    clock += 1_000;
    order = store.transition(orderId, 'awaiting_payment', 'created', {
      txnId: `TX-${orderId}`,
      fee: sale.fee,
      totalPayment: sale.amount + sale.fee,
      expiresAt: new Date(clock + 15 * 60_000).toISOString(),
    });
  }
  if (order.state === 'awaiting_payment') {
    clock += 1_000;
    if (sale.fate === 'paid') store.transition(orderId, 'paid', 'completed', { paidAt: new Date(clock).toISOString() });
    else if (sale.fate === 'canceled')
      store.transition(orderId, 'canceled', 'canceled_by_cashier', { reason: 'canceled_by_cashier' });
    else store.transition(orderId, 'expired', 'expired', {});
  }
}

/** Every step of sale i that the journal does not hold yet, in the order the counter takes them. */
function runSale(i: number, resuming = false): void {
  const sale = planSale(seed, till, i);
  const shift = counter.shiftFor(i);
  const saleId = sale.kind === 'gateway' ? null : counter.saleFor(i, sale, shift, resuming);
  if (saleId) sync.poke();
  if (sale.kind !== 'cash') {
    const part = resuming
      ? (counter.journal.db
          .prepare("SELECT order_id FROM orders WHERE note = ? AND method <> 'cash'")
          .get(`plan:${i}`) as { order_id: string } | undefined)
      : undefined;
    const orderId =
      part?.order_id ??
      store.openSale({
        amount: sale.amount,
        price: sale.price,
        feePayer: sale.feePayer,
        method: sale.method,
        note: `plan:${i}`,
        terminal: `CH${till}`,
        apiVersion: 'v2',
        sandbox: false,
        project: 'toko-chaos',
        replacesOrderId: null,
        saleId,
      }).orderId;
    sync.poke();
    advance(orderId, sale);
  }
  counter.after(i, sale, saleId, shift);
}

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  // Resume: the newest sale in the journal is the only one that can be unfinished.
  const newest = store.list({}, 1).items[0];
  let next = 0;
  if (newest) {
    const i = planIndex(newest.note);
    clock = Date.parse(newest.updatedAt);
    runSale(i, true);
    next = i + 1;
  }
  for (let i = next; i < count; i += 1) {
    clock = base + i * spacing;
    runSale(i);
    // A counter is not a batch job: a breath between sales lets the pusher interleave.
    if (i % 20 === 0) await new Promise((r) => setTimeout(r, 1));
  }
  process.stdout.write('written\n');
}

// A till runs until it is closed: the sync loop's timers do not hold a process open by
// themselves (they are unref'd), so this one keeps it alive as the app's window would.
const alive = setInterval(() => undefined, 60_000);

process.on('SIGTERM', () => {
  clearInterval(alive);
  void sync.stop().then(() => {
    counter.closeJournal();
    store.close();
    process.exit(0);
  });
});

void main();
