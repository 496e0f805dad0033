import type { Pool } from 'pg';

export class ReportInputError extends Error {}

export interface DayRules {
  cutoffHour: number;
  timeZone: string;
}

export function checkDayRules(rules: DayRules): void {
  if (!Number.isInteger(rules.cutoffHour) || rules.cutoffHour < 0 || rules.cutoffHour > 23)
    throw new ReportInputError('cutoffHour must be 0-23');
  try {
    new Intl.DateTimeFormat('en', { timeZone: rules.timeZone });
  } catch {
    throw new ReportInputError(`unknown time zone: ${rules.timeZone}`);
  }
}

/**
 * A business day's bounds: from `day` at cutoffHour local time to the next day at
 * cutoffHour, worked out by PostgreSQL's own time-zone rules (independently of the till's
 * code, so the two agreeing is a real check).
 */
export async function dayBounds(pool: Pool, day: string, rules: DayRules): Promise<{ start: Date; end: Date }> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new ReportInputError('day must be YYYY-MM-DD');
  checkDayRules(rules);
  const bounds = await pool.query<{ starts_at: Date; ends_at: Date }>(
    `SELECT ($1::date + make_interval(hours => $2)) AT TIME ZONE $3 AS starts_at,
            ($1::date + 1 + make_interval(hours => $2)) AT TIME ZONE $3 AS ends_at`,
    [day, rules.cutoffHour, rules.timeZone],
  );
  return { start: bounds.rows[0]!.starts_at, end: bounds.rows[0]!.ends_at };
}

/** The business day `now` falls in, by the shop's zone and cutoff: what "today" means on the owner's page. */
export async function businessDayAt(pool: Pool, now: Date, rules: DayRules): Promise<string> {
  checkDayRules(rules);
  const r = await pool.query<{ day: string }>(
    `SELECT to_char((($1::timestamptz AT TIME ZONE $2) - make_interval(hours => $3))::date, 'YYYY-MM-DD') AS day`,
    [now, rules.timeZone, rules.cutoffHour],
  );
  return r.rows[0]!.day;
}
