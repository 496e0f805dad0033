import type { Language } from '@shared/domain';

/** "4:05" or "1:02:03" remaining until expiresAt; "0:00" when past. */
export function formatCountdown(expiresAt: string | null, now: number): string | null {
  if (!expiresAt) return null;
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return null;
  const total = Math.max(0, Math.floor((end - now) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function secondsLeft(expiresAt: string | null, now: number): number | null {
  if (!expiresAt) return null;
  const end = Date.parse(expiresAt);
  return Number.isNaN(end) ? null : Math.max(0, Math.floor((end - now) / 1000));
}

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * Local date and time for lists and timelines. The owner's page passes the shop's zone: an
 * owner reading the day's sales from elsewhere sees the times the shop saw.
 */
export function formatDateTime(iso: string | null, lang: Language, timeZone?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(LOCALES[lang], {
    dateStyle: 'medium',
    timeStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  });
}

export function formatTime(iso: string | null, lang: Language, timeZone?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleTimeString(LOCALES[lang], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "12.345" in Indonesian, "12,345" in English: counts read at a glance. */
export function formatCount(n: number, lang: Language): string {
  const digits = Math.abs(Math.trunc(n))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'id' ? '.' : ',');
  return n < 0 ? `-${digits}` : digits;
}

/**
 * A day as the shop writes it, dd/mm/yyyy, whatever the browser's own locale (a native date
 * field shows mm/dd/yyyy on an English system).
 */
export function formatDayInput(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** dd/mm/yyyy (also d/m/yyyy, with "-" or "."), to YYYY-MM-DD; null when it is no real date. */
export function parseDayInput(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
