import { z } from 'zod';

/**
 * The wire between a till and the shop server. A till pushes its journal as an ordered
 * stream of events, each keyed by (till, sequence); the server applies each exactly once and
 * answers with its high-water mark (the last sequence it holds for that till). The event
 * envelope is generic: `kind` names what the payload is (today `order.snapshot`; later cash
 * sales, shifts, refunds, receipt prints), so a new kind needs no new endpoint.
 *
 *   POST /api/v1/pair          {code, tillName, orderPrefix, firstSeq} -> PairAnswer
 *   GET  /api/v1/sync/state    Authorization: Bearer <till token> -> {tillId, hwm}
 *   POST /api/v1/sync/events   Authorization: Bearer, { events: OutboxEvent[] } -> PushAnswer | 409 GapAnswer
 *   GET  /api/v1/sync/push     Authorization: Bearer; Server-Sent Events (PUSH_EVENTS below)
 */
export const SYNC_API = '/api/v1';

/** How many events one push may carry: large enough to catch up fast, small enough to retry cheaply. */
export const MAX_PUSH_EVENTS = 500;

/** Event kinds are dotted lower-case words: `order.snapshot`, `shift.opened`. */
export const EVENT_KIND_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export const outboxEventSchema = z.strictObject({
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  kind: z.string().max(64).regex(EVENT_KIND_PATTERN, 'kind must be dotted lower-case words'),
  /** What the event is about (an order id, a shift id): the server's projections key on it. */
  entityId: z.string().min(1).max(128),
  /** Payload version for this kind, so a kind's shape can grow without a new name. */
  schema: z.number().int().min(1).max(1000),
  /** ISO 8601 UTC, from the till's journal. */
  occurredAt: z.string().max(40),
  payload: z.unknown(),
});
export type OutboxEvent = z.infer<typeof outboxEventSchema>;

/** Why the server refused an event. It keeps the event (never drops it) and says why. */
export type RejectCode = 'unknown_kind' | 'schema_invalid' | 'unsupported_schema';

export interface RejectedEvent {
  seq: number;
  kind: string;
  entityId: string;
  code: RejectCode;
  reason: string;
}

export interface PushAnswer {
  /** The last sequence the server holds for this till, after this push. */
  hwm: number;
  /** Events applied by this push. */
  applied: number;
  /** Events the server already had (a retried push): ignored, not applied twice. */
  duplicates: number;
  /** Events received and kept but not applied, with the reason; they count in hwm. */
  rejected: RejectedEvent[];
}

/** 409: the push started past the server's high-water mark; resend from hwm + 1. */
export interface GapAnswer {
  error: 'gap';
  hwm: number;
  message: string;
}

export const pairRequestSchema = z.strictObject({
  code: z.string().min(4).max(32),
  tillName: z.string().min(1).max(60),
  /** The start of this till's order ids, so a webhook for a sale not yet synced finds its till. */
  orderPrefix: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]*$/),
  /**
   * The oldest outbox sequence the till still holds (1 unless pushed events were pruned
   * after an earlier pairing): the new till's stream starts there.
   */
  firstSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

export interface PairAnswer {
  tillId: string;
  tillName: string;
  /** The till's own secret for every later call; the server keeps only its hash. */
  token: string;
  hwm: number;
}

export interface SyncStateAnswer {
  tillId: string;
  tillName: string;
  hwm: number;
}

/** Events the server pushes to a till over its own outbound SSE connection. */
export const PUSH_EVENTS = {
  /** Sent once when the channel opens. */
  hello: 'hello',
  /**
   * Pakasir's webhook says this transaction completed. A hint only: the till confirms with
   * the status API before anything is shown as paid.
   */
  payment: 'payment',
} as const;

export const paymentHintSchema = z.object({
  noticeId: z.number().int().min(1),
  orderId: z.string().min(1).max(64),
  txnId: z.string().max(128).nullable(),
  amount: z.number().int().nullable(),
  status: z.string().max(32),
});
export type PaymentHint = z.infer<typeof paymentHintSchema>;

/** The server sends a comment line at least this often, so a till can tell a dead channel. */
export const PUSH_HEARTBEAT_MS = 15_000;
