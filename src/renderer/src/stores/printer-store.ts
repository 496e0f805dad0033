import { create } from 'zustand';
import type { PrinterSettingsView, PrinterStatusView, PrintJobView } from '@shared/printing';
import { loadAndReload, offAll, type PosApi } from '../api/pos-api';
import { mergeJob } from '../lib/printer-view';

/** What main says about the printer: its settings, its status, and the latest print jobs. */
export interface PrinterState {
  settings: PrinterSettingsView | null;
  status: PrinterStatusView | null;
  /** Newest first, at most RECENT_JOBS. */
  jobs: PrintJobView[];
  setSettings(s: PrinterSettingsView): void;
  setStatus(s: PrinterStatusView): void;
  setJobs(jobs: PrintJobView[]): void;
  jobUpdated(job: PrintJobView): void;
}

export const RECENT_JOBS = 8;

export const usePrinter = create<PrinterState>((set) => ({
  settings: null,
  status: null,
  jobs: [],
  setSettings: (settings) => set({ settings }),
  setStatus: (status) => set({ status }),
  setJobs: (jobs) => set({ jobs: jobs.slice(0, RECENT_JOBS) }),
  jobUpdated: (job) => set((s) => ({ jobs: mergeJob(s.jobs, job, RECENT_JOBS) })),
}));

/** Subscribes to the printer's events and loads the starting state; returns an unsubscribe. */
export function connectPrinterStore(api: PosApi): () => void {
  const s = usePrinter.getState();
  const offs = [
    api.on('printerStatusChanged', (v) => usePrinter.getState().setStatus(v)),
    api.on('printJobUpdated', (v) => usePrinter.getState().jobUpdated(v)),
  ];
  offs.push(
    loadAndReload(api, () => {
      void api.getPrinterSettings({}).then(s.setSettings, () => undefined);
      void api.getPrinterStatus({}).then(s.setStatus, () => undefined);
      void api.listPrintJobs({ limit: RECENT_JOBS }).then(s.setJobs, () => undefined);
    }),
  );
  return offAll(offs);
}
