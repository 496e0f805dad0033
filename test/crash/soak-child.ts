/**
 * One cashier's counter, as a separate process the soak kills with SIGKILL at random
 * moments. It works through a plan of sales one at a time, like a cashier: charge, (the
 * customer pays / the cashier cancels / the QR expires), next. On every start it first
 * recovers the journal, exactly as the app does. Its wall clock is off by what the last run
 * left it at, and it steps it by hours now and then, printing `clock <offset>` so the next
 * run starts from there (a machine's clock stays wrong until someone fixes it).
 *
 * argv[2]: a JSON file holding its SoakChildConfig. Prints `ready` once recovered, `done` when its work is done.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventBus } from '../../src/main/events/event-bus';
import { openOrderStore } from '../../src/main/orders/journal';
import { createGateway } from '../../src/main/pakasir/create-gateway';
import { PaymentService } from '../../src/main/payments/payment-service';
import type { ApiVersion } from '../../src/shared/methods';
import { isFinal, type OrderState } from '../../src/shared/order-state';

export interface PlanItem {
  amount: number;
  fate: 'pay' | 'cancel' | 'expire';
  /** How long the customer takes to pay, once the QR is up. */
  payAfterMs: number;
}

export interface SoakChildConfig {
  dataDir: string;
  baseUrl: string;
  slug: string;
  apiKey: string;
  version: ApiVersion;
  terminal: string;
  plan: PlanItem[];
  /** The wall clock's offset from real time this run starts with (ms). */
  wallOffsetMs: number;
  /** Chance per 250 ms that the wall clock is stepped by one to three hours. */
  clockStepChance: number;
  /** 'run': work through the plan; 'finish': only bring sales already started to their end. */
  mode: 'run' | 'finish';
  seed: number;
}

const cfg = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as SoakChildConfig;

let seed = cfg.seed >>> 0 || 1;
const random = (): number => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

let offset = cfg.wallOffsetMs;
const wall = (): number => Date.now() + offset;
const HOUR = 3_600_000;
const stepper = setInterval(() => {
  if (random() >= cfg.clockStepChance) return;
  const hours = 1 + Math.floor(random() * 3);
  // Drift back towards the true time half of the time, so offsets stay within a day.
  const sign = offset > 6 * HOUR ? -1 : offset < -6 * HOUR ? 1 : random() < 0.5 ? -1 : 1;
  offset += sign * hours * HOUR;
  process.stdout.write(`clock ${offset}\n`);
}, 250);
stepper.unref();

const file = join(cfg.dataDir, 'orders.sqlite');
const store = openOrderStore({ file, now: () => new Date(wall()) });
const gateway = createGateway({
  version: cfg.version,
  baseUrl: cfg.baseUrl,
  project: cfg.slug,
  apiKey: cfg.apiKey,
  timeoutMs: 2000,
  v1StatusIntervalMs: 300,
});
const service = new PaymentService({
  store,
  bus: new EventBus(),
  context: () => ({
    gateway,
    project: cfg.slug,
    version: cfg.version,
    baseUrl: cfg.baseUrl,
    sandbox: false,
    demo: false,
    terminalPrefix: cfg.terminal,
    link: { qrisOnly: false, redirectUrl: null },
  }),
  log: { info() {}, warn() {} },
  now: wall,
  tuning: { v1StatusIntervalMs: 300, createSpacingMs: 200, expiryGraceMs: 200, watchFirstMs: 200 },
});

// A second, read-only connection finds the newest sale of a plan item by insertion order:
// the journal's own timestamps follow the stepped wall clock and may go backwards.
const reader = new Database(file, { readonly: true, fileMustExist: true });
const latestOf = reader.prepare('SELECT order_id, state FROM orders WHERE note = ? ORDER BY rowid DESC LIMIT 1');
const tag = (i: number) => `plan:${i};`;
const latest = (i: number) => latestOf.get(tag(i)) as { order_id: string; state: OrderState } | undefined;
const wanted = { pay: 'paid', cancel: 'canceled', expire: 'expired' } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function outside(action: 'pay' | 'expire', orderId: string): Promise<void> {
  // The customer's wallet (or the clock at Pakasir) acting outside this process.
  await fetch(`${cfg.baseUrl}/__sim/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ order_id: orderId, project: cfg.slug }),
  }).catch(() => undefined);
}

/** Brings plan item i to its wanted end; false when it ended otherwise (the parent reports it). */
async function work(i: number, item: PlanItem): Promise<void> {
  const waitingSince = new Map<string, number>();
  for (;;) {
    const sale = latest(i);
    if (!sale) {
      if (cfg.mode === 'finish') return;
      await service.charge({ amount: item.amount, method: 'qris', note: tag(i) }).catch(() => undefined);
      continue;
    }
    if (sale.state === wanted[item.fate]) return;
    if (sale.state === 'failed' || (sale.state === 'canceled' && item.fate !== 'cancel')) {
      // A sale that could not be shown: the cashier presses "create new QR".
      await service.recreateSale(sale.order_id).catch(() => undefined);
      continue;
    }
    if (isFinal(sale.state)) return;
    if (sale.state === 'awaiting_payment') {
      if (item.fate === 'cancel') await service.cancelSale(sale.order_id).catch(() => undefined);
      else if (item.fate === 'expire') await outside('expire', sale.order_id);
      else {
        const since = waitingSince.get(sale.order_id) ?? Date.now();
        waitingSince.set(sale.order_id, since);
        if (Date.now() - since >= item.payAfterMs) await outside('pay', sale.order_id);
      }
    }
    await sleep(50);
  }
}

async function main(): Promise<void> {
  service.recover();
  process.stdout.write('ready\n');
  for (let i = 0; i < cfg.plan.length; i++) {
    if (cfg.mode === 'finish' && !latest(i)) break;
    await work(i, cfg.plan[i]!);
  }
  process.stdout.write('done\n');
  service.stop();
  await service.idle();
  reader.close();
  store.close();
  process.exit(0);
}

void main();
