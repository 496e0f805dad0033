/**
 * Receipt printing as the windows see it: where the printer is, what the queue holds and
 * why a job waits. The receipts themselves (snapshots, layouts, ESC/POS bytes) stay in main.
 */

/** Paper roll widths in millimetres and the characters a line holds in font A. */
export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];
export const PAPER_COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };

export const DEFAULT_PRINTER_PORT = 9100;

/** Where receipts go: nowhere yet, a network printer (raw TCP), or a printer the OS knows. */
export type PrinterTarget =
  { kind: 'none' } | { kind: 'tcp'; host: string; port: number } | { kind: 'os'; deviceName: string };

export interface PrinterSettingsView {
  target: PrinterTarget;
  paperWidth: PaperWidth;
  /** Print the receipt as soon as a sale is paid. Off until a printer is set up. */
  autoPrint: boolean;
  /** Network printers: ask for paper and cover status before each job (DLE EOT). */
  statusCheck: boolean;
  /** Printed under the shop name: address, phone (at most 3 lines). */
  headerLines: string[];
  /** Printed at the end of a receipt ("Terima kasih"). Empty means the default text. */
  footerLines: string[];
}

export type PrinterSettingsPatch = Partial<PrinterSettingsView>;

/**
 * Why a printer could not print, each with a sentence the cashier can act on (the renderer
 * and main both translate the code; main's text is in printer-error.ts).
 */
export const PRINTER_PROBLEMS = [
  'not_configured',
  'refused',
  'unreachable',
  'timeout',
  'no_answer',
  'paper_out',
  'cover_open',
  'offline',
  'printer_error',
  'os_print_failed',
  'os_printer_missing',
  'bad_job',
] as const;
export type PrinterProblem = (typeof PRINTER_PROBLEMS)[number];

export const PRINT_JOB_KINDS = ['sale_receipt', 'refund_slip', 'z_report'] as const;
export type PrintJobKind = (typeof PRINT_JOB_KINDS)[number];

export const PRINT_JOB_STATES = ['queued', 'printing', 'done', 'failed', 'canceled'] as const;
export type PrintJobState = (typeof PRINT_JOB_STATES)[number];

export interface PrintJobView {
  id: number;
  kind: PrintJobKind;
  /** The sale's order id, the refund's id or the report's id. */
  ref: string;
  receiptNo: string;
  /** 0 for the first copy; n for "CETAK ULANG #n". */
  reprint: number;
  state: PrintJobState;
  attempts: number;
  lastProblem: PrinterProblem | null;
  /** A short technical detail for the owner (error code, printer answer); never a secret. */
  lastDetail: string | null;
  opensDrawer: boolean;
  createdAt: string;
  updatedAt: string;
  printedAt: string | null;
}

export interface PrinterStatusView {
  configured: boolean;
  /** ready: the last contact worked; problem: the last contact failed; unknown: not tried yet. */
  state: 'ready' | 'problem' | 'unknown';
  problem: PrinterProblem | null;
  /** The printer said its paper is nearly at the end (it still prints). */
  paperLow: boolean;
  /** Jobs waiting to print (queued or printing). */
  waiting: number;
  /** When the last contact with the printer happened (ISO), or null. */
  checkedAt: string | null;
}

export interface TestPrintResult {
  ok: boolean;
  problem: PrinterProblem | null;
  detail: string | null;
  paperLow: boolean;
  latencyMs: number;
}

export interface OsPrinterInfo {
  name: string;
  displayName: string;
  isDefault: boolean;
}
