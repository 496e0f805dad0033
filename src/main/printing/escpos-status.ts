import type { PrinterProblem } from '@shared/printing';

/**
 * ESC/POS real-time status (DLE EOT n). The printer answers each request with one byte at
 * once, even while offline or with a full buffer, which is what makes it a health check:
 *   n=1 printer status:   bit 3 offline
 *   n=2 offline cause:    bit 2 cover open, bit 5 stopped at paper end, bit 6 error
 *   n=4 roll paper sensor: bits 2+3 paper near end, bits 5+6 paper end
 * Every valid answer has bit 1 and bit 4 set and bits 0 and 7 clear (0x12 under mask 0x93).
 */
export const STATUS_REQUESTS = [1, 2, 4] as const;
export type StatusRequest = (typeof STATUS_REQUESTS)[number];

export function statusRequest(n: StatusRequest): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export interface StatusVerdict {
  problem: PrinterProblem | null;
  paperLow: boolean;
  /** The bytes as answered, for the log: "1=12 2=12 4=12". */
  detail: string;
}

/**
 * Reads the answers to DLE EOT 1, 2 and 4. A missing or invalid answer counts as "no
 * complaint" for that question: some printers answer only some of them, and refusing to
 * print over a question the printer cannot answer would lose receipts for nothing.
 */
export function judgeStatus(answers: Partial<Record<StatusRequest, number>>): StatusVerdict {
  const valid = (n: StatusRequest): number | null => {
    const b = answers[n];
    return b !== undefined && isStatusByte(b) ? b : null;
  };
  const s1 = valid(1);
  const s2 = valid(2);
  const s4 = valid(4);
  const detail = STATUS_REQUESTS.map((n) =>
    answers[n] === undefined ? `${n}=--` : `${n}=${answers[n]!.toString(16).padStart(2, '0')}`,
  ).join(' ');
  let problem: PrinterProblem | null = null;
  if (s2 !== null && s2 & 0x04) problem = 'cover_open';
  else if ((s4 !== null && s4 & 0x60) || (s2 !== null && s2 & 0x20)) problem = 'paper_out';
  else if (s2 !== null && s2 & 0x40) problem = 'printer_error';
  else if (s1 !== null && s1 & 0x08) problem = 'offline';
  const paperLow = s4 !== null && (s4 & 0x0c) !== 0;
  return { problem, paperLow, detail };
}
