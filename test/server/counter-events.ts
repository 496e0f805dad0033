import type { CounterKind, CounterPayload } from '../../src/shared/sync/counter-events';
import type { OutboxEvent } from '../../src/shared/sync/protocol';

/** A counter entry as a till's outbox carries it. */
export function counterEvent<K extends CounterKind>(
  seq: number,
  kind: K,
  entityId: string,
  payload: CounterPayload<K>,
  occurredAt = '2026-11-25T07:00:00.000Z',
): OutboxEvent {
  return { seq, kind, entityId, schema: 1, occurredAt, payload };
}
