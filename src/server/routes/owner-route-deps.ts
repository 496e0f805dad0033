import type { Pool } from 'pg';
import type { PushHub } from '../push/push-hub';
import type { DayRules } from '../reports/day-bounds';

/** What the owner's routes work with: the database, the tills' push channels, the owner token, the clock, the day rules. */
export interface OwnerRouteDeps {
  pool: Pool;
  hub: PushHub;
  ownerToken: string | null;
  now: () => Date;
  day: DayRules;
  /** The most rows an Excel download holds (SHEET_DATA_ROWS; smaller in tests). */
  sheetRows: number;
}
