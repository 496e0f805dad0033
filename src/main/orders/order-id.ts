import { INSTALL_ID_PATTERN, ORDER_ID_PATTERN, TERMINAL_PREFIX_PATTERN } from '@shared/order-id';

/** Sequence digits: fixed width keeps ids of one installation in text order up to 10^8 sales. */
const SEQUENCE_WIDTH = 8;

/** "20261125T074402": UTC, so ids sort the same on every machine whatever its zone. */
export function orderIdStamp(now: Date): string {
  return now.toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/**
 * `KSR1-7HQK2M9X-20261125T074402-00000123`: the terminal prefix (a label the shop reads),
 * the installation id (what makes ids of two tills differ whatever their settings), UTC time
 * (ids sort by time), then the sequence number (never reused, so two sales in the same
 * second, or after the clock was set back, still differ). 35 to 42 characters, URL-safe,
 * because v2 puts the id in a path.
 */
export function makeOrderId(terminalPrefix: string, installId: string, sequence: number, now: Date): string {
  if (!TERMINAL_PREFIX_PATTERN.test(terminalPrefix)) throw new RangeError(`invalid terminal prefix: ${terminalPrefix}`);
  if (!INSTALL_ID_PATTERN.test(installId)) throw new RangeError(`invalid install id: ${installId}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`invalid sequence: ${sequence}`);
  const id = `${terminalPrefix}-${installId}-${orderIdStamp(now)}-${String(sequence).padStart(SEQUENCE_WIDTH, '0')}`;
  if (!ORDER_ID_PATTERN.test(id)) throw new RangeError(`order id out of pattern: ${id}`);
  return id;
}
