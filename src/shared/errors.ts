/**
 * The one error shape that crosses from main to the renderer. It carries a code the
 * renderer translates and a plain message; never a stack trace, never a secret.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_call',
  'untrusted_sender',
  'not_found',
  'illegal_state',
  'busy',
  'gateway_network',
  'gateway_timeout',
  'gateway_rate_limited',
  'gateway_auth',
  'gateway_not_found',
  'gateway_server',
  'gateway_invalid_answer',
  'gateway_rejected',
  /** Pakasir's fee table could not be asked, so the round price could not be worked out. */
  'fee_unavailable',
  'insecure_storage',
  'storage_changed',
  'database',
  'printer_not_configured',
  'shop_server_refused',
  'shop_server_unreachable',
  /** The disk under the data folder is full: nothing was saved. */
  'disk_full',
  /** The data folder cannot be written (read-only disk, permissions). */
  'read_only',
  /** The disk failed a read or write. */
  'storage_io',
  /** SQLite found the journal damaged while using it. */
  'storage_corrupt',
  /** An export's destination is full, or the file is too large for it: nothing was left under its name. */
  'export_disk_full',
  /** An export's destination folder cannot be written (read-only, no permission, not a file name): choose another. */
  'export_not_writable',
  /** An export's destination folder is gone (a USB stick pulled out, a folder deleted). */
  'export_folder_missing',
  /** Any other failure writing an export's file. */
  'export_write_failed',
  /** More sales than one spreadsheet sheet holds (Excel's 1,048,576 rows): nothing was written. */
  'export_too_large',
  /** An owner-only action: the owner must enter the PIN first (or set one, for refunds and staff). */
  'owner_required',
  /** The PIN did not match; nothing changed. */
  'pin_wrong',
  /** Too many wrong PINs: this person's PIN is paused for a while; nothing changed. */
  'pin_locked',
  /** Cash needs an open shift (a drawer with a starting count). */
  'no_shift',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface PosErrorShape {
  code: ErrorCode;
  message: string;
  /** Field-level problems for invalid_input: path and message. */
  issues?: { path: string; message: string }[];
}

export class PosError extends Error implements PosErrorShape {
  readonly code: ErrorCode;
  readonly issues?: { path: string; message: string }[];
  constructor(code: ErrorCode, message: string, issues?: { path: string; message: string }[]) {
    super(message);
    this.name = 'PosError';
    this.code = code;
    if (issues) this.issues = issues;
  }
  toShape(): PosErrorShape {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

/** What every call answers over any transport: a value or a typed error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: PosErrorShape };
