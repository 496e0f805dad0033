import type { jobsId } from './jobs-id';

/** English for a failed long task and an export's destination that cannot be written; key for key with jobs-id.ts. */
export const jobsEn: Record<keyof typeof jobsId, string> = {
  'job.failed.export': 'Export failed; no file was saved. {reason}',
  'job.failed.reconcile': 'The check with Pakasir stopped. {reason}',
  'job.failed.recovery': 'Checking the sales again stopped. {reason}',
  'error.export_disk_full':
    'There is no room left there, or the file is too large for that USB stick or disk. Free some space, or save it somewhere else.',
  'error.export_not_writable': 'Files cannot be saved in this folder. Choose another folder.',
  'error.export_folder_missing':
    'The folder is not there any more (was the USB stick pulled out?). Plug it back in, or choose another folder.',
  'error.export_write_failed': 'The file could not be written there. Try once more, or save it somewhere else.',
  'error.export_too_large':
    'Too many sales for one Excel sheet (1,048,575 at most). Pick a shorter date range, or save it as CSV.',
} as const;
