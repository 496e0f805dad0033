import { COUNTER_SCHEMAS, type CounterKind } from '@shared/sync/counter-events';
import type { EventKind } from './kinds';

/**
 * The counter's kinds (sales, refunds, shifts, staff, the owner's actions, day closes): the
 * server checks each payload against its schema and keeps it in shop.events, where the
 * owner's projections and web view will read them. Nothing is projected yet, so apply()
 * has nothing to do; a payload that breaks its schema is still refused and reported.
 */
export const counterKinds: EventKind<unknown>[] = (Object.keys(COUNTER_SCHEMAS) as CounterKind[]).map((kind) => ({
  kind,
  schemas: [1],
  payload: COUNTER_SCHEMAS[kind],
  async apply() {
    // Kept in shop.events as received; projections come with the owner's view.
  },
}));
