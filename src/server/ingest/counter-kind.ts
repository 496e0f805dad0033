import { COUNTER_SCHEMAS, type CounterKind, type CounterPayload } from '@shared/sync/counter-events';
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
