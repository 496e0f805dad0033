import type Database from 'better-sqlite3';
import { cachedStatement } from './statement-cache';

export interface OutboxEntry {
  kind: string;
  entityId: string;
  schema: number;
  occurredAt: string;
  payload: unknown;
}

/**
 * Queues a journal entry for the shop server. Call it inside the journal transaction that
 * makes the change (cash sale, shift event, refund, receipt print), so the change and its
 * outbox row commit or roll back together. Sales are queued by a trigger instead (see
 * migration 006).
 */
export function appendToOutbox(db: Database.Database, entry: OutboxEntry): number {
  if (!db.inTransaction) throw new Error('appendToOutbox must run inside the journal transaction of the change');
  const r = cachedStatement(
    db,
    'INSERT INTO sync_outbox (kind, entity_id, schema, occurred_at, payload) VALUES (?, ?, ?, ?, ?)',
  ).run(entry.kind, entry.entityId, entry.schema, entry.occurredAt, JSON.stringify(entry.payload));
  return Number(r.lastInsertRowid);
}
