import { describe, expect, it } from 'vitest';
import type { Notice } from '@shared/domain';
import { createAnnouncer, noticeAnnouncement, paidAnnouncement } from '@renderer/lib/announce';
import { alreadySeen, bannerOrder, destination, paidNotice } from '@renderer/lib/alerts';
import { order } from './fixtures';

const paid = order({ state: 'paid', paidAt: '2026-01-01T10:01:00.000Z', reason: null });

function notice(over: Partial<Notice>): Notice {
  return { id: 'n1', level: 'info', key: 'notice.recoveryDone', params: {}, at: '2026-01-01T10:00:00.000Z', ...over };
}

describe('what the counter says out loud', () => {
  it('a sale Pakasir confirmed paid: the method and what the customer paid', () => {
    expect(paidAnnouncement(paid)).toEqual({ kind: 'paid', method: 'qris', amount: 22_155 });
    expect(paidAnnouncement(order({ ...paid, method: 'bni_va', totalPayment: null }))).toEqual({
      kind: 'paid',
      method: 'bni_va',
      amount: 22_000,
    });
  });

  it('never a sale an owner marked paid, proof shown offline, or anything not paid', () => {
    expect(paidAnnouncement(order({ ...paid, reason: 'resolved_paid' }))).toBeNull();
    expect(paidAnnouncement(order({ state: 'needs_review', reason: 'proof_shown_offline' }))).toBeNull();
    expect(paidAnnouncement(order({ state: 'awaiting_payment' }))).toBeNull();
    expect(paidAnnouncement(order({ state: 'needs_review', reason: 'paid_after_cancel' }))).toBeNull();
  });

  it('alarms: a late payment and a sale that needs checking sound differently; other notices are silent', () => {
    expect(noticeAnnouncement(notice({ level: 'alarm', key: 'notice.latePayment' }))).toEqual({ kind: 'late_payment' });
    expect(noticeAnnouncement(notice({ level: 'alarm', key: 'notice.needsReview' }))).toEqual({ kind: 'needs_review' });
    expect(noticeAnnouncement(notice({ level: 'warning', key: 'notice.paidDuringCancel' }))).toBeNull();
  });

  it('says each payment and each alarm once, however often it is published', () => {
    const said: string[] = [];
    const a = createAnnouncer((x, subject) => said.push(`${x.kind}:${subject}`));
    expect(a.order(paid)).toBe(true);
    expect(a.order({ ...paid, revision: 3 })).toBe(false);
    expect(a.order(order({ orderId: 'POS1-20260101-0002', state: 'awaiting_payment' }))).toBe(false);
    a.notice(notice({ id: 'n9', level: 'alarm', key: 'notice.latePayment' }));
    a.notice(notice({ id: 'n9', level: 'alarm', key: 'notice.latePayment' }));
    expect(said).toEqual([`paid:paid:${paid.orderId}`, 'late_payment:notice:n9']);
  });
});

describe('banners for what happens off the sale screen', () => {
  const where = (tab: 'sale' | 'history' | 'settings', saleOnScreen: string | null = null) => ({ tab, saleOnScreen });
  const p = paidNotice(paid, paid.paidAt!);

  it('a payment banner carries the amount and method, not the order id in its words', () => {
    expect(p.key).toBe('notice.paid');
    expect(p.params).toEqual({ method: 'qris', amount: 22_155 });
    expect(p.orderId).toBe(paid.orderId);
  });

  it('a payment on the sale screen in front of the cashier needs no banner; elsewhere it does', () => {
    expect(alreadySeen(p, where('sale', paid.orderId))).toBe(true);
    expect(alreadySeen(p, where('history', paid.orderId))).toBe(false);
    expect(alreadySeen(p, where('sale', null))).toBe(false);
    const alarm = notice({ level: 'alarm', key: 'notice.latePayment', orderId: paid.orderId });
    expect(alreadySeen(alarm, where('sale', paid.orderId))).toBe(false);
  });

  it('"View" goes to the sale screen while the sale is there, else to the sale in History', () => {
    expect(destination(p, where('history', paid.orderId))).toEqual({ tab: 'sale', focusOrderId: null });
    expect(destination(p, where('settings', null))).toEqual({
      tab: 'history',
      historyTab: 'sales',
      focusOrderId: paid.orderId,
    });
    const late = notice({ level: 'alarm', key: 'notice.latePayment', orderId: 'POS1-20260101-0009' });
    expect(destination(late, where('settings'))).toEqual({
      tab: 'history',
      historyTab: 'review',
      focusOrderId: 'POS1-20260101-0009',
    });
    expect(destination(notice({}), where('history'))).toBeNull();
  });

  it('alarms first, then payments, newest first; the rest counted', () => {
    const list = [
      notice({ id: 'a', at: '2026-01-01T10:00:01Z' }),
      notice({ id: 'b', level: 'alarm', key: 'notice.needsReview', at: '2026-01-01T10:00:00Z' }),
      paidNotice(paid, '2026-01-01T10:00:03Z'),
      notice({ id: 'c', at: '2026-01-01T10:00:05Z' }),
    ];
    const { shown, hidden } = bannerOrder(list, 3);
    expect(shown.map((n) => n.id)).toEqual(['b', `paid-${paid.orderId}`, 'c']);
    expect(hidden).toBe(1);
  });
});
