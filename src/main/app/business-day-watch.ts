import type { EventBus } from '../events/event-bus';
import type { BusinessCalendar } from '../orders/business-day';

/** How often the clock is compared with the day last announced: a rollover shows within this. */
const CHECK_EVERY_MS = 30_000;

/**
 * Tells every window when the business day changes (the cutoff hour passed, or the owner
 * moved it), so "today" on the screens follows main without the windows reading their own
 * clock. Polls instead of sleeping until the cutoff: the wall clock can be stepped by hours.
 */
export function watchBusinessDay(calendar: BusinessCalendar, bus: EventBus): { check(): void; stop(): void } {
  let last = calendar.today();
  const check = (): void => {
    const now = calendar.today();
    if (now.day === last.day && now.cutoffHour === last.cutoffHour) return;
    last = now;
    bus.emit('businessDayChanged', now);
  };
  const timer = setInterval(check, CHECK_EVERY_MS);
  timer.unref?.();
  return { check, stop: () => clearInterval(timer) };
}
