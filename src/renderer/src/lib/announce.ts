import type { Notice, OrderView } from '@shared/domain';
import type { Announcement } from '@shared/voice/announcement';

/**
 * What the counter says out loud, decided only from what main published.
 *
 * A sale is announced as paid only when the engine moved it to `paid` from a verified
 * gateway `completed` (its reason is then empty). A sale an owner marked paid after a review
 * (`resolved_paid`) is a person's decision, not Pakasir's confirmation, so it is silent; so
 * are proof shown offline (that is a review), and anything a customer's phone could show.
 * The point of the voice is that a faked payment screen cannot make the counter speak.
 */
export function paidAnnouncement(order: OrderView): Announcement | null {
  if (order.state !== 'paid' || order.reason !== null || order.paidAt === null) return null;
  // Cash is not announced: the voice means "Pakasir confirmed this payment", and nothing
  // confirmed a cash sale but the cashier's own hands. (A split sale's QRIS part speaks.)
  if (order.method === 'cash') return null;
  // What the customer paid, as Pakasir confirmed it (the price plus any fee passed on).
  return { kind: 'paid', method: order.method, amount: order.totalPayment ?? order.price };
}

/** Alarms come from main's notices: a late payment, or a sale that needs a person. */
export function noticeAnnouncement(notice: Notice): Announcement | null {
  if (notice.key === 'notice.latePayment') return { kind: 'late_payment' };
  if (notice.level === 'alarm') return { kind: 'needs_review' };
  return null;
}

/**
 * Remembers what this window already said, so a sale re-published (a manual check, a window
 * catching up) is announced once. Pure: the player is passed in.
 */
export function createAnnouncer(play: (a: Announcement, subject: string) => void) {
  const said = new Set<string>();
  const once = (key: string, a: Announcement | null) => {
    if (!a || said.has(key)) return false;
    said.add(key);
    play(a, key);
    return true;
  };
  return {
    order: (o: OrderView) => once(`paid:${o.orderId}`, paidAnnouncement(o)),
    notice: (n: Notice) => once(`notice:${n.id}`, noticeAnnouncement(n)),
  };
}
