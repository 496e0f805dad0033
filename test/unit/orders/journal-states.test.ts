import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PosError } from '../../../src/shared/errors';
import { ORDER_STATES, TRANSITIONS, canTransition, type OrderState } from '../../../src/shared/order-state';
import { openOrderStore } from '../../../src/main/orders/journal';
import type { OrderStore } from '../../../src/main/orders/order-store';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const sale = {
  amount: 22_000,
  method: 'qris' as const,
  note: 'Kopi',
  terminal: 'KSR1',
  apiVersion: 'v2' as const,
  sandbox: false,
  project: 'toko',
};

/** Shortest legal path from creating to each state, derived from the state machine itself. */
function pathTo(target: OrderState): OrderState[] {
  const queue: OrderState[][] = [['creating']];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const last = path[path.length - 1]!;
    if (last === target) return path.slice(1);
    for (const next of TRANSITIONS[last]) if (!path.includes(next)) queue.push([...path, next]);
  }
  throw new Error(`unreachable state ${target}`);
}

function bringTo(store: OrderStore, orderId: string, state: OrderState): void {
  store.create({ ...sale, orderId });
  for (const step of pathTo(state)) store.transition(orderId, step, 'setup');
}

describe('transitions', () => {
  const pairs = ORDER_STATES.flatMap((from) =>
    ORDER_STATES.map((to) => ({ from, to, allowed: canTransition(from, to) })),
  );

  it.each(pairs)('$from -> $to allowed=$allowed', ({ from, to, allowed }) => {
    const store = openOrderStore({ file: join(tempDir(), 'orders.db') });
    try {
      bringTo(store, 'KSR1-T-1', from);
      const eventsBefore = store.events('KSR1-T-1').length;
      if (allowed) {
        const after = store.transition('KSR1-T-1', to, 'test');
        expect(after.state).toBe(to);
        const events = store.events('KSR1-T-1');
        expect(events).toHaveLength(eventsBefore + 1);
        expect(events[events.length - 1]).toMatchObject({ from, to, reason: 'test' });
      } else {
        let error: unknown;
        try {
          store.transition('KSR1-T-1', to, 'test');
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(PosError);
        expect((error as PosError).code).toBe('illegal_state');
        expect((error as PosError).message).toContain(`from ${from} to ${to}`);
        expect(store.get('KSR1-T-1')!.state).toBe(from);
        expect(store.events('KSR1-T-1')).toHaveLength(eventsBefore);
      }
    } finally {
      store.close();
    }
  });
});

describe('compare-and-set', () => {
  it('lets only one of two writers on the same file move a sale out of awaiting_payment', () => {
    const file = join(tempDir(), 'orders.db');
    const cashier = openOrderStore({ file });
    const poller = openOrderStore({ file });
    cashier.create({ ...sale, orderId: 'KSR1-R-1' });
    cashier.transition('KSR1-R-1', 'awaiting_payment', 'created_at_gateway');
    // Both saw awaiting_payment; the poller commits first.
    expect(poller.get('KSR1-R-1')!.state).toBe('awaiting_payment');
    expect(cashier.get('KSR1-R-1')!.state).toBe('awaiting_payment');
    poller.transition('KSR1-R-1', 'paid', 'status_completed', { paidAt: '2026-01-01T00:00:05.000Z' }, undefined, [
      'awaiting_payment',
    ]);
    expect(() =>
      cashier.transition('KSR1-R-1', 'canceled', 'cashier_cancel', {}, undefined, ['awaiting_payment']),
    ).toThrow(/is paid, not awaiting_payment/);
    expect(cashier.get('KSR1-R-1')!.state).toBe('paid');
    expect(cashier.events('KSR1-R-1').map((e) => e.to)).toEqual(['creating', 'awaiting_payment', 'paid']);
    cashier.close();
    poller.close();
  });
});

describe('facts and events', () => {
  it('appends an event for every change and records old and new when a money fact changes', () => {
    const store = openOrderStore({ file: join(tempDir(), 'orders.db') });
    const created = store.create({ ...sale, orderId: 'KSR1-F-1' });
    expect(created).toMatchObject({ state: 'creating', amount: 22_000, method: 'qris', fee: null, createAttempts: 0 });
    store.noteCreateAttempt('KSR1-F-1');
    store.transition('KSR1-F-1', 'awaiting_payment', 'created_at_gateway', {
      txnId: 'txn_1',
      fee: 464,
      totalPayment: 22_464,
      paymentNumber: 'QR1',
    });
    store.recordFacts('KSR1-F-1', { lastCheckedAt: '2026-01-01T00:00:01.000Z' });
    // Same value again: not a change, no event.
    store.recordFacts('KSR1-F-1', { fee: 464 });
    // A different fee: written, with an event recording old and new.
    store.recordFacts('KSR1-F-1', { fee: 500, totalPayment: 22_500 });
    store.transition(
      'KSR1-F-1',
      'paid',
      'status_completed',
      { paidAt: '2026-01-01T00:00:09.000Z' },
      { status: 'completed' },
    );

    const events = store.events('KSR1-F-1');
    expect(events.map((e) => [e.from, e.to, e.reason])).toEqual([
      [null, 'creating', 'created'],
      ['creating', 'creating', 'create_attempt'],
      ['creating', 'awaiting_payment', 'created_at_gateway'],
      ['awaiting_payment', 'awaiting_payment', 'facts_changed'],
      ['awaiting_payment', 'paid', 'status_completed'],
    ]);
    expect(events[3]!.facts).toEqual({
      changed: { fee: { old: 464, new: 500 }, totalPayment: { old: 22_464, new: 22_500 } },
    });
    expect(events[4]!.facts).toEqual({ status: 'completed' });
    expect(store.get('KSR1-F-1')).toMatchObject({
      state: 'paid',
      amount: 22_000,
      fee: 500,
      totalPayment: 22_500,
      txnId: 'txn_1',
      paidAt: '2026-01-01T00:00:09.000Z',
      lastCheckedAt: '2026-01-01T00:00:01.000Z',
      createAttempts: 1,
    });
    store.close();
  });

  it('refuses fractional fees, duplicate ids and create attempts after creating', () => {
    const store = openOrderStore({ file: join(tempDir(), 'orders.db') });
    store.create({ ...sale, orderId: 'KSR1-V-1' });
    expect(() => store.create({ ...sale, orderId: 'KSR1-V-1' })).toThrow(/already exists/);
    expect(() => store.create({ ...sale, orderId: 'KSR1-V-2', amount: 10.5 })).toThrow(/whole rupiah/);
    expect(() => store.recordFacts('KSR1-V-1', { fee: 12.5 })).toThrow(/whole rupiah/);
    store.transition('KSR1-V-1', 'awaiting_payment', 'created');
    expect(() => store.noteCreateAttempt('KSR1-V-1')).toThrow(PosError);
    expect(() => store.transition('KSR1-MISSING', 'paid', 'x')).toThrow(/No sale with order id/);
    store.close();
  });

  it("raises a sale's revision on every change, whoever writes it", () => {
    const store = openOrderStore({ file: join(tempDir(), 'orders.db') });
    const sale = store.openSale({
      amount: 10_000,
      method: 'qris',
      note: '',
      terminal: 'KSR1',
      apiVersion: 'v2',
      sandbox: true,
      project: 'p',
    });
    const r0 = sale.revision;
    const a = store.recordFacts(sale.orderId, { lastCheckedAt: '2026-01-01T00:00:00.000Z' });
    const b = store.transition(sale.orderId, 'awaiting_payment', 'created', { txnId: 't1' });
    const c = store.transition(sale.orderId, 'paid', 'completed', { paidAt: '2026-01-01T00:01:00.000Z' });
    expect([a.revision, b.revision, c.revision]).toEqual([r0 + 1, r0 + 2, r0 + 3]);
    store.close();
  });

  it('finds live and watched sales for recovery', () => {
    const store = openOrderStore({ file: join(tempDir(), 'orders.db') });
    bringTo(store, 'KSR1-L-1', 'creating');
    bringTo(store, 'KSR1-L-2', 'awaiting_payment');
    bringTo(store, 'KSR1-L-3', 'paid');
    bringTo(store, 'KSR1-L-4', 'expired');
    bringTo(store, 'KSR1-L-5', 'canceled');
    store.recordFacts('KSR1-L-4', { watchUntil: '2026-01-02T00:00:00.000Z' }, { reason: 'late_watch_started' });
    store.recordFacts('KSR1-L-5', { watchUntil: '2026-01-01T00:00:00.000Z' }, { reason: 'late_watch_started' });
    expect(
      store
        .listLive()
        .map((o) => o.orderId)
        .sort(),
    ).toEqual(['KSR1-L-1', 'KSR1-L-2']);
    expect(store.listWatched('2026-01-01T12:00:00.000Z').map((o) => o.orderId)).toEqual(['KSR1-L-4']);
    // A review that still waits for Pakasir's word (proof shown offline) stays watched, also
    // after a restart; a late payment that went to review ends its watch in the same write.
    bringTo(store, 'KSR1-L-6', 'awaiting_payment');
    store.transition('KSR1-L-6', 'needs_review', 'proof_shown_offline', { watchUntil: '2026-01-02T00:00:00.000Z' });
    store.transition('KSR1-L-4', 'needs_review', 'paid_after_expiry', { watchUntil: null });
    expect(store.listWatched('2026-01-01T12:00:00.000Z').map((o) => o.orderId)).toEqual(['KSR1-L-6']);
    expect(
      store
        .listNeedsReview()
        .map((o) => o.orderId)
        .sort(),
    ).toEqual(['KSR1-L-4', 'KSR1-L-6']);
    expect(store.get('KSR1-L-4')!.watchUntil).toBeNull();
    expect(store.events('KSR1-L-4').map((e) => e.reason)).toEqual([
      'created',
      'setup',
      'setup',
      'late_watch_started',
      'paid_after_expiry',
    ]);
    store.close();
  });
});
