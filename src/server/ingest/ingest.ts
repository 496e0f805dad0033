import type { Pool, PoolClient } from 'pg';
import { outboxEventSchema, type GapAnswer, type PushAnswer, type RejectedEvent } from '@shared/sync/protocol';
import { judge, type AcceptedEvent, type KindRegistry } from './kinds';

/** An event as the request carried it: only `seq` is known to be a positive integer. */
export interface RawEvent {
  seq: number;
  [key: string]: unknown;
}

export class RevokedTillError extends Error {}

interface Row {
  seq: number;
  kind: string;
  entityId: string;
  schema: number;
  occurredAt: string;
  payload: string | null;
  rejectedCode: string | null;
  rejectedReason: string | null;
}

/**
 * Applies one push from one till, exactly once and in order, in one transaction:
 *  - the till's row is locked, so pushes from the same till never interleave;
 *  - events at or below the high-water mark are duplicates (a retried push) and are ignored;
 *  - the next event must be hwm + 1; a push that starts further on is a gap and is refused
 *    with the mark, so the till resends from there;
 *  - each event is stored as received (`INSERT … ON CONFLICT DO NOTHING` on (till, seq)),
 *    and applied to its kind's projection unless it was refused; a refused event is kept
 *    with its reason and still raises the mark, so one bad event cannot stall a till.
 */
export async function ingestPush(
  pool: Pool,
  kinds: KindRegistry,
  tillId: string,
  events: RawEvent[],
  now: Date = new Date(),
): Promise<PushAnswer | GapAnswer> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const hwm = await lockTill(client, tillId);
    const { fresh, duplicates } = splitFresh(events, hwm);
    if (fresh.length === 0 && duplicates === 0) {
      await client.query('ROLLBACK');
      return {
        error: 'gap',
        hwm,
        message: `The server holds this till's events up to ${hwm}; send from ${hwm + 1}.`,
      };
    }
    const judged = judgeAll(kinds, fresh);
    if (judged.rows.length > 0) {
      await storeEvents(client, tillId, hwm, judged.rows, now);
      for (const [kind, list] of judged.accepted) await kinds.get(kind)!.apply(client, tillId, list, now);
    }
    const mark = hwm + judged.rows.length;
    await client.query('UPDATE shop.tills SET hwm = $2, last_seen_at = $3 WHERE id = $1', [tillId, mark, now]);
    await client.query('COMMIT');
    return { hwm: mark, applied: judged.rows.length - judged.rejected.length, duplicates, rejected: judged.rejected };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The till's mark, its row locked for the transaction; a revoked or unknown till is refused. */
async function lockTill(client: PoolClient, tillId: string): Promise<number> {
  const till = await client.query<{ hwm: number; revoked_at: Date | null }>(
    'SELECT hwm, revoked_at FROM shop.tills WHERE id = $1 FOR UPDATE',
    [tillId],
  );
  const row = till.rows[0];
  if (!row || row.revoked_at) throw new RevokedTillError('This till was revoked.');
  return row.hwm;
}

/** The events that follow the mark without a gap, in order, and how many were already held. */
function splitFresh(events: RawEvent[], hwm: number): { fresh: RawEvent[]; duplicates: number } {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  let duplicates = 0;
  const fresh: RawEvent[] = [];
  for (const e of ordered) {
    if (e.seq <= hwm + fresh.length) {
      // At or below the mark, or the same seq twice in one push.
      duplicates += 1;
      continue;
    }
    if (e.seq !== hwm + fresh.length + 1) break;
    fresh.push(e);
  }
  return { fresh, duplicates };
}

interface Judged {
  rows: Row[];
  rejected: RejectedEvent[];
  /** Accepted events by kind, each list in sequence order. */
  accepted: Map<string, AcceptedEvent<unknown>[]>;
}

function judgeAll(kinds: KindRegistry, fresh: RawEvent[]): Judged {
  const out: Judged = { rows: [], rejected: [], accepted: new Map() };
  for (const raw of fresh) {
    const { row: stored, verdict } = judgeRaw(kinds, raw);
    out.rows.push(stored);
    if (verdict.ok) {
      const list = out.accepted.get(stored.kind) ?? [];
      list.push(verdict.event);
      out.accepted.set(stored.kind, list);
    } else {
      out.rejected.push({
        seq: raw.seq,
        kind: stored.kind,
        entityId: stored.entityId,
        code: verdict.code,
        reason: verdict.reason,
      });
    }
  }
  return out;
}

/** Every event as received, refused ones with their reason, in one statement. */
async function storeEvents(client: PoolClient, tillId: string, hwm: number, rows: Row[], now: Date): Promise<void> {
  const inserted = await client.query<{ seq: number }>(
    `INSERT INTO shop.events (till_id, seq, kind, entity_id, schema, occurred_at, payload, received_at,
                              rejected_code, rejected_reason)
     SELECT $1::uuid, s, k, ent, sch, occ, pay, $2, rc, rr
       FROM unnest($3::bigint[], $4::text[], $5::text[], $6::int[], $7::text[], $8::jsonb[], $9::text[], $10::text[])
         AS x(s, k, ent, sch, occ, pay, rc, rr)
     ON CONFLICT (till_id, seq) DO NOTHING
     RETURNING seq`,
    [
      tillId,
      now,
      rows.map((r) => r.seq),
      rows.map((r) => r.kind),
      rows.map((r) => r.entityId),
      rows.map((r) => r.schema),
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.payload),
      rows.map((r) => r.rejectedCode),
      rows.map((r) => r.rejectedReason),
    ],
  );
  if (inserted.rowCount !== rows.length) {
    // Rows above the mark already stored means the mark and the events disagree: refuse
    // rather than apply anything twice.
    throw new Error(`events above the high-water mark ${hwm} already exist for till ${tillId}`);
  }
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

function judgeRaw(kinds: KindRegistry, raw: RawEvent): { row: Row; verdict: ReturnType<typeof judge> } {
  let payload: string | null = null;
  try {
    payload = raw.payload === undefined ? null : JSON.stringify(raw.payload);
  } catch {
    payload = null;
  }
  const base = {
    seq: raw.seq,
    kind: text(raw.kind, 64),
    entityId: text(raw.entityId, 128),
    schema: typeof raw.schema === 'number' && Number.isInteger(raw.schema) ? raw.schema : 0,
    occurredAt: text(raw.occurredAt, 40),
  };
  const refuse = (reason: string, keepPayload: boolean) => ({
    row: { ...base, payload: keepPayload ? payload : null, rejectedCode: 'schema_invalid', rejectedReason: reason },
    verdict: { ok: false as const, code: 'schema_invalid' as const, reason },
  });
  // PostgreSQL's jsonb cannot hold a NUL character: such a payload is refused, not a failed push.
  if (payload !== null && payload.includes('\\u0000')) return refuse('payload holds a NUL character', false);
  if (payload !== null && payload.length > 64 * 1024) return refuse('payload is larger than 64 KiB', false);
  const envelope = outboxEventSchema.safeParse(raw);
  if (!envelope.success) {
    const reason = envelope.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`)
      .join('; ');
    return refuse(reason, true);
  }
  const verdict = judge(kinds, envelope.data);
  return {
    row: {
      ...base,
      payload,
      rejectedCode: verdict.ok ? null : verdict.code,
      rejectedReason: verdict.ok ? null : verdict.reason,
    },
    verdict,
  };
}
