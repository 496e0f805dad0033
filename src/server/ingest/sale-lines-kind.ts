import { SALE_LINES_KIND, saleLinesSchema, type SaleLinesPayload } from '@shared/sync/sale-lines';
import type { EventKind } from './kinds';

/**
 * `sale.lines`: what was sold in a sale. The server checks each payload against its schema
 * (lines add up, the entity is the sale) and keeps it in shop.events, where the owner's
 * projections will read it; nothing is projected yet, so apply() has nothing to do.
 */
export const saleLinesKind: EventKind<SaleLinesPayload> = {
  kind: SALE_LINES_KIND,
  schemas: [1],
  payload: saleLinesSchema,
  check: (e) => (e.entityId === e.payload.saleId ? null : 'entityId is not the sale of these lines'),
  async apply() {
    // Kept in shop.events as received.
  },
};
