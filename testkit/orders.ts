import Database from 'better-sqlite3';
import type { PaymentMethod } from '../src/shared/methods';
import type { OrderState } from '../src/shared/order-state';
import { makeOrderId } from '../src/main/orders/order-id';
import type { OrderStore } from '../src/main/orders/order-store';
import { seededRandom } from './random';

export interface SeedOptions {
  terminal?: string;
  /** Newest sale time; sales spread backwards from here. Default: now. */
  end?: Date;
  /** How far back the sales go, in days. Default 365. */
  days?: number;
  /** Sales left live (awaiting_payment) at the newest end, as a recovery would find them. Default 20. */
  live?: number;
  /** Deterministic data: same seed, same orders. */
  seed?: number;
  /** Also write the created and final events (default true). */
  events?: boolean;
  /** The install id inside the seeded order ids (default SEED0000). */
  installId?: string;
}

export interface SeedResult {
  count: number;
  firstCreatedAt: string;
  lastCreatedAt: string;
}

const METHODS: PaymentMethod[] = [
  'qris',
  'qris',
  'qris',
  'qris',
  'qris',
  'qris',
  'bni_va',
  'bri_va',
  'permata_va',
  'payment_link',
];
const NOTES = ['', '', '', 'Kopi susu', 'Nasi goreng 2', 'Meja 4', 'Es teh, 3', 'Titip', '咖啡', 'Bakso + es jeruk'];

function feeFor(method: PaymentMethod, amount: number): number {
  return method === 'qris'
    ? Math.round(amount * 0.007) + 310
    : method === 'payment_link'
      ? Math.round(amount * 0.01)
      : 3500;
}

/**
 * Inserts `count` realistic sales straight into the journal file: one transaction, prepared
 * statements, ids from the real id maker and the terminal sequence advanced past them, so a
 * store opened afterwards keeps allocating unique ids.
 */
export function seedOrders(target: OrderStore | string, count: number, opts: SeedOptions = {}): SeedResult {
  const file = typeof target === 'string' ? target : target.file;
  const terminal = opts.terminal ?? 'SEED';
  const installId = opts.installId ?? 'SEED0000';
  const end = (opts.end ?? new Date()).getTime();
  const spanMs = (opts.days ?? 365) * 86_400_000;
  const live = Math.min(opts.live ?? 20, count);
  const withEvents = opts.events ?? true;
  const random = seededRandom(opts.seed ?? 1);
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(
    `INSERT INTO orders (order_id, state, method, amount, fee, total_payment, note, terminal, api_version, sandbox, project,
       txn_id, payment_number, expires_at, created_at, updated_at, paid_at, reason, last_checked_at, create_attempts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'v2', 0, 'toko-seed', ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const event = db.prepare(
    'INSERT INTO order_events (order_id, at, from_state, to_state, reason, facts) VALUES (?, ?, ?, ?, ?, NULL)',
  );
  const seqRow = db.prepare('SELECT next FROM sequences WHERE terminal = ?');
  const setSeq = db.prepare(
    `INSERT INTO sequences (terminal, next, last_stamp) VALUES (?, ?, ?)
     ON CONFLICT (terminal) DO UPDATE SET next = excluded.next, last_stamp = max(last_stamp, excluded.last_stamp)`,
  );
  let first = '';
  let last = '';
  db.transaction(() => {
    const startSeq = (seqRow.get(terminal) as { next: number } | undefined)?.next ?? 1;
    const step = spanMs / Math.max(1, count);
    for (let i = 0; i < count; i += 1) {
      const createdMs = Math.floor(end - spanMs + i * step + random() * step * 0.9);
      const created = new Date(createdMs);
      const createdAt = created.toISOString();
      if (i === 0) first = createdAt;
      last = createdAt;
      const method = METHODS[Math.floor(random() * METHODS.length)]!;
      const amount = Math.max(10_000, Math.round((random() * 250_000) / 500) * 500);
      const fee = feeFor(method, amount);
      const r = random();
      const state: OrderState =
        i >= count - live
          ? 'awaiting_payment'
          : r < 0.86
            ? 'paid'
            : r < 0.93
              ? 'expired'
              : r < 0.985
                ? 'canceled'
                : r < 0.995
                  ? 'failed'
                  : 'needs_review';
      const orderId = makeOrderId(terminal, installId, startSeq + i, created);
      const done = new Date(createdMs + 20_000 + Math.floor(random() * 60_000)).toISOString();
      const hasTxn = state !== 'failed';
      insert.run(
        orderId,
        state,
        method,
        amount,
        hasTxn ? fee : null,
        hasTxn ? amount + fee : null,
        NOTES[Math.floor(random() * NOTES.length)]!,
        terminal,
        hasTxn ? `txn_${i.toString(36)}` : null,
        hasTxn ? `000201010212${i}` : null,
        hasTxn ? new Date(createdMs + 30 * 60_000).toISOString() : null,
        createdAt,
        state === 'awaiting_payment' ? createdAt : done,
        state === 'paid' ? done : null,
        state === 'failed' ? 'gateway_rejected' : state === 'needs_review' ? 'paid_after_expiry' : null,
        state === 'awaiting_payment' ? null : done,
      );
      if (withEvents) {
        event.run(orderId, createdAt, null, 'creating', 'created');
        event.run(orderId, state === 'awaiting_payment' ? createdAt : done, 'creating', state, 'seeded');
      }
    }
    setSeq.run(terminal, startSeq + count, last);
  })();
  db.close();
  return { count, firstCreatedAt: first, lastCreatedAt: last };
}
