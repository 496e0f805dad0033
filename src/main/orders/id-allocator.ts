import type Database from 'better-sqlite3';
import { PosError } from '@shared/errors';
import { TERMINAL_PREFIX_PATTERN } from '@shared/order-id';
import { makeOrderId } from './order-id';

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(db: Database.Database) {
  return {
    sequence: db.prepare(
      'INSERT INTO sequences (terminal, next) VALUES (?, 2) ON CONFLICT (terminal) DO UPDATE SET next = next + 1 RETURNING next - 1 AS seq',
    ),
    lastStamp: db.prepare('SELECT last_stamp FROM sequences WHERE terminal = ?'),
    setStamp: db.prepare('UPDATE sequences SET last_stamp = ? WHERE terminal = ?'),
  };
}

/**
 * A new journal id for this terminal (an order, and the counter's sales, shifts and refunds
 * alike): sequence and timestamp taken in one transaction, the timestamp never earlier than
 * the last one issued, so ids keep increasing even after the clock was set back. Every
 * connection to the journal allocates through here, so no two of them can issue one id.
 */
export function allocateJournalId(
  db: Database.Database,
  terminal: string,
  installId: string,
  now: Date,
  warn?: (message: string) => void,
): string {
  if (!TERMINAL_PREFIX_PATTERN.test(terminal))
    throw new PosError('invalid_input', `invalid terminal prefix: ${terminal}`);
  let stmt = statements.get(db);
  if (!stmt) statements.set(db, (stmt = prepare(db)));
  const s = stmt;
  return db
    .transaction(() => {
      const seq = (s.sequence.get(terminal) as { seq: number }).seq;
      const last = (s.lastStamp.get(terminal) as { last_stamp: string }).last_stamp;
      let at = now;
      if (last && at.toISOString() < last) {
        warn?.(`clock is behind the last order id time (${last}); keeping ids in order`);
        at = new Date(last);
      }
      s.setStamp.run(at.toISOString(), terminal);
      return makeOrderId(terminal, installId, seq, at);
    })
    .immediate();
}
