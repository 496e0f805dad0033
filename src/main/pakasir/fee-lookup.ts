import type { PaymentMethod } from '../../shared/methods';
import { GatewayError } from './gateway';
import type { FeeTable } from './fee-table';

export interface FeeLookupOptions {
  /** Monotonic milliseconds (performance.now by default): a stepped wall clock must not keep a stale table. */
  now?: () => number;
  /** How long one answer is reused (default 10 minutes): Pakasir changes its fees rarely. */
  ttlMs?: number;
  /** Amounts remembered at once (default 500). */
  maxEntries?: number;
}

/**
 * Pakasir's fee answers, remembered for a while per amount, so the same price charged again
 * asks Pakasir nothing and two charges asking at once share one request. Each answer holds
 * every method's fee for that amount.
 */
export class FeeLookup {
  readonly #fetchTable: (amount: number) => Promise<FeeTable>;
  readonly #now: () => number;
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #entries = new Map<number, { at: number; table: Promise<FeeTable>; resolved?: FeeTable }>();

  constructor(fetchTable: (amount: number) => Promise<FeeTable>, options: FeeLookupOptions = {}) {
    this.#fetchTable = fetchTable;
    this.#now = options.now ?? (() => performance.now());
    this.#ttlMs = options.ttlMs ?? 10 * 60_000;
    this.#max = options.maxEntries ?? 500;
  }

  table(amount: number): Promise<FeeTable> {
    const hit = this.#entries.get(amount);
    if (hit && this.#now() - hit.at < this.#ttlMs) return hit.table;
    const table = this.#fetchTable(amount);
    const entry: { at: number; table: Promise<FeeTable>; resolved?: FeeTable } = { at: this.#now(), table };
    table.then(
      (t) => {
        entry.resolved = t;
      },
      () => {
        // A failed answer is not remembered: the next charge asks again.
        if (this.#entries.get(amount) === entry) this.#entries.delete(amount);
      },
    );
    this.#entries.delete(amount);
    this.#entries.set(amount, entry);
    while (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value!);
    return table;
  }

  /**
   * The fee for one method at one amount. A payment link lets the customer pick the method on
   * Pakasir's page, so it counts the largest fee among the methods that page may offer: the
   * customer then pays at most the price whichever they pick.
   */
  async fee(method: PaymentMethod, amount: number, linkQrisOnly = false): Promise<number> {
    const table = await this.table(amount);
    if (method === 'payment_link') {
      const offered = linkQrisOnly ? [table.qris] : Object.values(table);
      const fees = offered.filter((f): f is number => typeof f === 'number');
      if (fees.length > 0) return Math.max(...fees);
    } else {
      const fee = table[method];
      if (typeof fee === 'number') return fee;
    }
    throw new GatewayError('invalid_answer', `Pakasir's fee table has no fee for ${method}`);
  }

  /** The remembered table for an amount, without asking Pakasir. */
  peek(amount: number): FeeTable | null {
    const hit = this.#entries.get(amount);
    return hit?.resolved && this.#now() - hit.at < this.#ttlMs ? hit.resolved : null;
  }

  /** Forget everything: after a create answer disagreed with the table. */
  forget(): void {
    this.#entries.clear();
  }
}
