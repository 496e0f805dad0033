import { COUNTER_SCHEMAS, type CounterKind, type CounterPayload } from '@shared/sync/counter-events';
import { insertRows, type Column } from './bulk-insert';
import type { AcceptedEvent, EventKind } from './kinds';

export type Accepted<K extends CounterKind> = AcceptedEvent<CounterPayload<K>>;

/** A counter kind: its schema, the entity its entries must name, and its projection. */
export function counterKind<K extends CounterKind>(
  kind: K,
  entityOf: (p: CounterPayload<K>) => string,
  apply: EventKind<CounterPayload<K>>['apply'],
): EventKind<CounterPayload<K>> {
  return {
    kind,
    schemas: [1],
    payload: COUNTER_SCHEMAS[kind] as unknown as EventKind<CounterPayload<K>>['payload'],
    // The entity is what the till's own outbox names; an entry about another one is refused.
    check: (e) => (e.entityId === entityOf(e.payload) ? null : `entityId is not the ${kind} entry's own id`),
    apply,
  };
}

/** Every projected row keeps the seq of the entry that wrote it. */
export const SEQ_COLUMN: Column<{ seq: number }> = { name: 'seq', type: 'bigint', value: (r) => r.seq };

/**
 * A counter kind whose entries are facts: each accepted entry becomes one row of `table`
 * (its columns, then seq), in one statement per batch. ON CONFLICT DO NOTHING is what makes
 * it exactly once: an entry pushed again (its answer was lost) finds its row and changes
 * nothing, and a second entry for the same fact (never written by a till) stays in
 * shop.events only.
 */
export function factKind<K extends CounterKind>(spec: {
  kind: K;
  entityOf: (p: CounterPayload<K>) => string;
  table: string;
  columns: Column<Accepted<K>>[];
}): EventKind<CounterPayload<K>> {
  const columns = [...spec.columns, SEQ_COLUMN];
  return counterKind(spec.kind, spec.entityOf, (client, tillId, events) =>
    insertRows(client, spec.table, tillId, columns, events, 'ON CONFLICT DO NOTHING'),
  );
}
