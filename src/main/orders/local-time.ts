/**
 * Local dates and times in a named time zone, without a date library: the shop's business
 * day is defined in its own zone (Asia/Jakarta typically) while the journal stores UTC.
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(at: Date, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}

/** Offset of the zone from UTC at that instant, in ms. */
function offsetMs(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

export function parseLocalDate(day: string): { year: number; month: number; day: number } {
  const m = DATE_PATTERN.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  const check = new Date(Date.UTC(year, month - 1, d));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${day}`);
  }
  return { year, month, day: d };
}

/** The UTC instant of `day` at `hour`:00 local time in `timeZone`. */
export function localToUtc(day: string, hour: number, timeZone: string): Date {
  const { year, month, day: d } = parseLocalDate(day);
  const guess = Date.UTC(year, month - 1, d, hour);
  // Two passes settle a daylight-saving boundary; zones without DST settle in the first.
  let at = guess - offsetMs(new Date(guess), timeZone);
  at = guess - offsetMs(new Date(at), timeZone);
  return new Date(at);
}

export function addDays(day: string, n: number): string {
  const { year, month, day: d } = parseLocalDate(day);
  return new Date(Date.UTC(year, month - 1, d + n)).toISOString().slice(0, 10);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** "2026-11-25 14:44:02" in the zone: what a shop owner reads in a spreadsheet. */
export function formatLocal(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const p = localParts(new Date(iso), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** The business day (YYYY-MM-DD) an instant belongs to, when days end at `cutoffHour` local. */
export function businessDayOf(at: Date, cutoffHour: number, timeZone: string): string {
  const p = localParts(new Date(at.getTime() - cutoffHour * 3_600_000), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** [start, end) of a business day as UTC instants. */
export function businessDayBounds(day: string, cutoffHour: number, timeZone: string): { start: Date; end: Date } {
  return { start: localToUtc(day, cutoffHour, timeZone), end: localToUtc(addDays(day, 1), cutoffHour, timeZone) };
}
