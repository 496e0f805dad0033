/**
 * One cashier's counter, as a separate process the crash test kills with SIGKILL at random
 * moments. It works through a fixed plan of sales one at a time, like a cashier: charge,
 * (the customer pays / the cashier cancels / the QR expires), next. On every start it first
 * recovers the journal, exactly as the app does.
 *
 * argv: dataDir simBaseUrl slug apiKey version planJson
 */
import { join } from 'node:path';
import { EventBus } from '../../src/main/events/event-bus';
import { openOrderStore } from '../../src/main/orders/journal';
import { createGateway } from '../../src/main/pakasir/create-gateway';
import { PaymentService } from '../../src/main/payments/payment-service';
import type { ApiVersion } from '../../src/shared/methods';
import { isFinal } from '../../src/shared/order-state';

export interface PlanItem {
  amount: number;
  fate: 'pay' | 'cancel' | 'expire';
}

const [dataDir, baseUrl, slug, apiKey, version, planJson] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  ApiVersion,
  string,
];
const plan = JSON.parse(planJson) as PlanItem[];
const store = openOrderStore({ file: join(dataDir, 'orders.sqlite') });
const gateway = createGateway({ version, baseUrl, project: slug, apiKey, timeoutMs: 2000, v1StatusIntervalMs: 100 });
const service = new PaymentService({
  store,
  bus: new EventBus(),
  context: () => ({
    gateway,
    project: slug,
    version,
    baseUrl,
    sandbox: true,
    demo: false,
    terminalPrefix: 'CRASH',
    link: { qrisOnly: false, redirectUrl: null },
  }),
  log: { info() {}, warn() {} },
  tuning: { v1StatusIntervalMs: 100, createSpacingMs: 0, expiryGraceMs: 200, watchFirstMs: 100 },
});

const tag = (i: number) => `plan:${i};`;
const latest = (i: number) =>
  store
    .list({ search: tag(i) }, 50)
    .items.sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.orderId < b.orderId ? -1 : 1,
    )
    .at(-1) ?? null;
const wanted = { pay: 'paid', cancel: 'canceled', expire: 'expired' } as const;

async function outside(action: 'pay' | 'expire', orderId: string): Promise<void> {
  // The customer's wallet (or the clock) acting at Pakasir, outside this process.
  await fetch(`${baseUrl}/__sim/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ order_id: orderId, project: slug }),
  }).catch(() => undefined);
}

async function main(): Promise<void> {
  service.recover();
  process.stdout.write('ready\n');
  for (let i = 0; i < plan.length; i++) {
    const item = plan[i]!;
    for (;;) {
      const sale = latest(i);
      if (!sale) {
        await service.charge({ amount: item.amount, method: 'qris', note: tag(i) }).catch(() => undefined);
        continue;
      }
      if (sale.state === wanted[item.fate]) break;
      if (sale.state === 'failed' || (sale.state === 'canceled' && item.fate !== 'cancel')) {
        // A sale that could not be shown: the cashier presses "create new QR".
        await service.recreateSale(sale.orderId).catch(() => undefined);
        continue;
      }
      if (isFinal(sale.state)) break; // an unexpected end: the parent test reports it
      if (sale.state === 'awaiting_payment') {
        if (item.fate === 'cancel') await service.cancelSale(sale.orderId).catch(() => undefined);
        else await outside(item.fate, sale.orderId);
      }
      await new Promise((r) => setTimeout(r, 30));
    }
  }
  process.stdout.write('done\n');
  service.stop();
  await service.idle();
  store.close();
  process.exit(0);
}

void main();
