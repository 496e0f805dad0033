import type { Language } from '@shared/domain';
import { PRINTER_PROBLEM_TEXT } from '@shared/printer-problem-text';
import type { PrinterProblem } from '@shared/printing';

/** Problems worth waiting out: the job stays queued and prints when the printer is back. */
const TRANSIENT: ReadonlySet<PrinterProblem> = new Set([
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
]);

/**
 * A printer that could not print, typed: the problem code the windows translate, a short
 * technical detail for the log (the socket's error code, the printer's status byte), and
 * the cashier's sentence in both languages.
 */
export class PrinterError extends Error {
  constructor(
    readonly problem: PrinterProblem,
    readonly detail: string | null = null,
  ) {
    super(`${PRINTER_PROBLEM_TEXT.en[problem]}${detail ? ` (${detail})` : ''}`);
    this.name = 'PrinterError';
  }

  sentence(language: Language): string {
    return PRINTER_PROBLEM_TEXT[language][this.problem];
  }

  /** True when waiting may fix it; false for a job that can never print (a bad snapshot). */
  get transient(): boolean {
    return TRANSIENT.has(this.problem);
  }
}

/** Any failure as a PrinterError: an unexpected one is a job that cannot print. */
export function asPrinterError(err: unknown): PrinterError {
  if (err instanceof PrinterError) return err;
  return new PrinterError('bad_job', err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200));
}
