import type { PoolClient } from 'pg';
import type { z } from 'zod';
import type { RejectCode } from '@shared/sync/protocol';

/** One event the ingest accepted for a kind, its payload already parsed by the kind's schema. */
export interface AcceptedEvent<P> {
  seq: number;
  entityId: string;
  occurredAt: string;
  payload: P;
}

/**
 * What the server knows about one event kind: the payload versions it reads, how to check
 * a payload, and how to apply a batch of accepted events to its projection tables (in the
 * ingest's transaction). A new kind (cash sale, shift, refund, receipt print) is one entry
 * here plus a migration for its projection table; the ingest itself does not change.
 */
export interface EventKind<P> {
  kind: string;
  schemas: readonly number[];
  payload: z.ZodType<P>;
  /** Extra checks a schema cannot express (the entity id must match the payload, say). */
  check?(event: AcceptedEvent<P>): string | null;
  apply(client: PoolClient, tillId: string, events: AcceptedEvent<P>[], now: Date): Promise<void>;
}

export type KindRegistry = ReadonlyMap<string, EventKind<unknown>>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind keeps its own payload type
export function registry(kinds: EventKind<any>[]): KindRegistry {
  return new Map(kinds.map((k) => [k.kind, k as EventKind<unknown>]));
}

export type Verdict<P> = { ok: true; event: AcceptedEvent<P> } | { ok: false; code: RejectCode; reason: string };

export function judge(
  kinds: KindRegistry,
  raw: { seq: number; kind: string; entityId: string; schema: number; occurredAt: string; payload: unknown },
): Verdict<unknown> {
  const kind = kinds.get(raw.kind);
  if (!kind)
    return { ok: false, code: 'unknown_kind', reason: `This server does not know events of kind "${raw.kind}".` };
  if (!kind.schemas.includes(raw.schema))
    return {
      ok: false,
      code: 'unsupported_schema',
      reason: `This server reads ${raw.kind} schema ${kind.schemas.join(', ')}, not ${raw.schema}.`,
    };
  const parsed = kind.payload.safeParse(raw.payload);
  if (!parsed.success) {
    const first = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
      .join('; ');
    return { ok: false, code: 'schema_invalid', reason: first };
  }
  const event = { seq: raw.seq, entityId: raw.entityId, occurredAt: raw.occurredAt, payload: parsed.data };
  const problem = kind.check?.(event) ?? null;
  if (problem) return { ok: false, code: 'schema_invalid', reason: problem };
  return { ok: true, event };
}
