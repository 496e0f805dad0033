import type Database from 'better-sqlite3';
import type { OrderState } from '@shared/order-state';

/**
 * Whether a sale's change to `to` may leave its commit unflushed, to be made durable by the
 * journal's next full commit. Only `awaiting_payment` may: it always comes from `creating`,
 * whose row was flushed before Pakasir was called, and a sale found in `creating` after a
 * power cut is resolved by asking Pakasir again (v2: the same find-or-create; v1: detail by
 * order id and amount), which finds the same transaction. So losing this one commit loses
 * nothing, and the QR reaches the customer one flush sooner. Every other change (paid,
 * canceled, expired, failed, needs review) is money or an outcome: flushed before it is shown.
 */
export function flushedByNextCommit(to: OrderState): boolean {
  return to === 'awaiting_payment';
}

/**
 * Runs `fn` (one transaction) with synchronous=NORMAL, then back to FULL. Its commit reaches
 * the -wal but is not flushed to disk; the next commit with synchronous=FULL on this file
 * (any connection: all append to the same -wal, and a flush covers every frame before it)
 * makes it durable. A process crash loses nothing either way; only a power cut in between can.
 */
export function commitFlushedByNext<T>(db: Database.Database, fn: () => T): T {
  db.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
