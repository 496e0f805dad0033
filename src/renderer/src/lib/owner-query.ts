import type { OwnerOrderFilter } from '@shared/owner/contract';

/** `?a=1&b=x` from the fields that have a value; empty, null and undefined fields are left out. */
export function toQuery(fields: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What the history's form holds: every field a string, '' for "all". */
export interface OwnerFilterForm {
  day: string;
  tillId: string;
  state: string;
  method: string;
  search: string;
}

/** The filter the server is asked for: the same one the list, its count and its exports use. */
export function filterFromForm(form: OwnerFilterForm): OwnerOrderFilter {
  const f: Record<string, string> = {};
  if (form.day) f.day = form.day;
  if (form.tillId) f.tillId = form.tillId;
  if (form.state) f.state = form.state;
  if (form.method) f.method = form.method;
  if (form.search.trim()) f.search = form.search.trim();
  return f as OwnerOrderFilter;
}
