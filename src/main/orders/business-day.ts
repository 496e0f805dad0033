import type { BusinessDayView } from '@shared/domain';
import { PosError } from '@shared/errors';
import { businessDayBounds, businessDayOf } from './local-time';

/**
 * The one place that decides what "a day" means for the shop: a business day runs from
 * `cutoffHour` local time in the shop's zone to the same hour the next day, so a sale at
 * 01:30 after a late shift belongs to the evening before. History filters, today's totals,
 * the daily report, exports and reconciliation all take their bounds from here; the
 * windows ask main which day it is instead of working it out from their own clock.
 */
export interface BusinessCalendar {
  readonly timeZone: string;
  cutoffHour(): number;
  /** The business day the clock is in now. */
  today(): BusinessDayView;
  /** The bounds of a given business day (YYYY-MM-DD); invalid_input for a date that does not exist. */
  day(day: string): BusinessDayView;
  /** The business day an instant belongs to. */
  dayOf(at: Date): string;
}

export interface BusinessCalendarOptions {
  timeZone: string;
  cutoffHour: () => number;
  clock: () => Date;
}

export function createBusinessCalendar(options: BusinessCalendarOptions): BusinessCalendar {
  const { timeZone } = options;
  const view = (day: string, cutoffHour: number): BusinessDayView => {
    let bounds: { start: Date; end: Date };
    try {
      bounds = businessDayBounds(day, cutoffHour, timeZone);
    } catch (err) {
      throw new PosError('invalid_input', (err as Error).message, [{ path: 'day', message: (err as Error).message }]);
    }
    return { day, startsAt: bounds.start.toISOString(), endsAt: bounds.end.toISOString(), cutoffHour, timeZone };
  };
  return {
    timeZone,
    cutoffHour: options.cutoffHour,
    today() {
      const cutoff = options.cutoffHour();
      return view(businessDayOf(options.clock(), cutoff, timeZone), cutoff);
    },
    day: (day) => view(day, options.cutoffHour()),
    dayOf: (at) => businessDayOf(at, options.cutoffHour(), timeZone),
  };
}
