import type { PrinterSettingsPatch, PrinterSettingsView, PrinterStatusView, PrintJobView } from '@shared/printing';
import { DEFAULT_PRINTER_PORT } from '@shared/printing';
import type { MessageKey, Params } from '../i18n';

/** A job's newest view replaces the older one (ids only grow, states only move forward in time). */
export function mergeJob(jobs: PrintJobView[], job: PrintJobView, max: number): PrintJobView[] {
  const current = jobs.find((j) => j.id === job.id);
  // A call's answer (the job as it was queued) can arrive after the event saying it printed:
  // an older view never replaces a newer one, and a finished job never goes back to waiting
  // within the same instant (a retry after a failure is a later update, so it does).
  if (current && isNewer(current, job)) return jobs;
  const others = jobs.filter((j) => j.id !== job.id);
  return [job, ...others].sort((a, b) => b.id - a.id).slice(0, max);
}

const FINISHED = new Set<PrintJobView['state']>(['done', 'failed', 'canceled']);
function isNewer(a: PrintJobView, b: PrintJobView): boolean {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  return FINISHED.has(a.state) && !FINISHED.has(b.state);
}

/** The form in Settings: every field as text or a flag, so half-typed values are allowed. */
export interface PrinterDraft {
  kind: 'none' | 'tcp' | 'os';
  host: string;
  port: string;
  deviceName: string;
  paperWidth: 58 | 80;
  autoPrint: boolean;
  statusCheck: boolean;
  header: string;
  footer: string;
}

export function draftOf(s: PrinterSettingsView): PrinterDraft {
  return {
    kind: s.target.kind,
    host: s.target.kind === 'tcp' ? s.target.host : '',
    port: String(s.target.kind === 'tcp' ? s.target.port : DEFAULT_PRINTER_PORT),
    deviceName: s.target.kind === 'os' ? s.target.deviceName : '',
    paperWidth: s.paperWidth,
    autoPrint: s.autoPrint,
    statusCheck: s.statusCheck,
    header: s.headerLines.join('\n'),
    footer: s.footerLines.join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The settings the form describes. A port that is not a number is sent as NaN so main's
 * check names the field; nothing is decided here that main does not check again.
 */
export function patchOf(d: PrinterDraft): Required<PrinterSettingsPatch> {
  const target: PrinterSettingsView['target'] =
    d.kind === 'tcp'
      ? { kind: 'tcp', host: d.host.trim(), port: /^\d+$/.test(d.port.trim()) ? Number(d.port.trim()) : Number.NaN }
      : d.kind === 'os'
        ? { kind: 'os', deviceName: d.deviceName }
        : { kind: 'none' };
  return {
    target,
    paperWidth: d.paperWidth,
    autoPrint: d.kind === 'none' ? false : d.autoPrint,
    statusCheck: d.statusCheck,
    headerLines: lines(d.header).slice(0, 3),
    footerLines: lines(d.footer).slice(0, 3),
  };
}

export function isDirty(saved: PrinterSettingsView, d: PrinterDraft): boolean {
  return JSON.stringify(patchOf(draftOf(saved))) !== JSON.stringify(patchOf(d));
}

/** The status line: a problem sentence, ready, not tried, or no printer. */
export function statusLine(s: PrinterStatusView | null): { key: MessageKey; tone: 'ok' | 'bad' | 'idle' } {
  if (!s || !s.configured) return { key: 'printer.status.none', tone: 'idle' };
  if (s.problem) return { key: `printer.problem.${s.problem}`, tone: 'bad' };
  if (s.state === 'ready') return { key: 'printer.status.ready', tone: 'ok' };
  return { key: 'printer.status.unknown', tone: 'idle' };
}

/** "Struk KSR1-000042 (cetak ulang #1)". */
export function jobLabel(job: PrintJobView): [MessageKey, Params, Params | null] {
  return [`printer.job.${job.kind}`, { no: job.receiptNo }, job.reprint > 0 ? { n: job.reprint } : null];
}

/** The cashier's banner: receipts waiting because of a printer problem (not while it is merely busy). */
export function bannerOf(s: PrinterStatusView | null): { waiting: number; problemKey: MessageKey } | null {
  if (!s || s.waiting === 0 || !s.problem) return null;
  return { waiting: s.waiting, problemKey: `printer.problem.${s.problem}` };
}
