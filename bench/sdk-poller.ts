import { Pakasir } from 'pakasir-sdk';
import { createSimulator, randomApiKey, type SimProject, type SimStats } from '../src/simulator/simulator';
import { epochMs, sleep } from './lib/stats';

/**
 * The peer for paid-to-shown: the `pakasir-sdk` package's own `watchPayment` poller, run
 * unchanged (its defaults: a status call every 3 s), with as many counters and sales as the
 * engine, against its own simulator in the same run. The SDK speaks only API v1 and fixes
 * the production host in its code, so the global fetch sends ONLY that origin to the
 * simulator; path, query, method and body stay the SDK's own.
 */

const PRODUCTION = 'https://app.pakasir.com';
const AMOUNT = 23_500;

export interface SdkRun {
  /** Payment to the SDK's onStatusChange with `completed`, ms. */
  samples: number[];
  sales: number;
  stats: SimStats;
}

function routeSdkTo(baseUrl: string): () => void {
  const before = globalThis.fetch;
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(`${PRODUCTION}/`)) return before(input, init);
    return before(baseUrl + url.slice(PRODUCTION.length), init);
  }) as typeof fetch;
  return () => {
    globalThis.fetch = before;
  };
}

function watchUntilCompleted(sdk: Pakasir, orderId: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sdk.stopWatch(orderId, AMOUNT);
      reject(new Error(`pakasir-sdk did not see ${orderId} completed within ${timeoutMs} ms`));
    }, timeoutMs);
    sdk.watchPayment(orderId, AMOUNT, {
      onStatusChange: (payment) => {
        if (payment.status !== 'completed') return;
        const at = epochMs();
        clearTimeout(timer);
        sdk.stopWatch(orderId, AMOUNT);
        resolve(at);
      },
      onError: (err) => {
        clearTimeout(timer);
        sdk.stopWatch(orderId, AMOUNT);
        reject(err);
      },
    });
  });
}

export async function runSdkPoller(opts: {
  counters: number;
  salesPerCounter: number;
  maxPayDelayMs: number;
  random: () => number;
}): Promise<SdkRun> {
  const projects: SimProject[] = Array.from({ length: opts.counters }, (_, i) => ({
    slug: `sdk-${i}`,
    apiKey: randomApiKey(),
    sandbox: true,
  }));
  const sim = await createSimulator({ projects });
  const restore = routeSdkTo(sim.baseUrl);
  const samples: number[] = [];
  try {
    await Promise.all(
      projects.map(async (project, i) => {
        const sdk = new Pakasir({ slug: project.slug, apikey: project.apiKey });
        await sleep(opts.random() * 1000);
        for (let s = 0; s < opts.salesPerCounter; s += 1) {
          const orderId = `SDK${i}-${s}-${Date.now()}`;
          await sdk.createPayment('qris', orderId, AMOUNT);
          // As for the engine: the QR is up, the customer pays at a random moment after.
          const payDelay = opts.random() * opts.maxPayDelayMs;
          let paidAt = 0;
          const seen = watchUntilCompleted(sdk, orderId, opts.maxPayDelayMs + 30_000);
          setTimeout(() => {
            paidAt = epochMs();
            sim.pay(orderId, project.slug);
          }, payDelay);
          samples.push((await seen) - paidAt);
          await sleep(600);
        }
      }),
    );
    return { samples, sales: opts.counters * opts.salesPerCounter, stats: sim.stats() };
  } finally {
    restore();
    await sim.close();
  }
}
