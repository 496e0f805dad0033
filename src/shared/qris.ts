/**
 * QRIS (EMVCo merchant-presented QR) payload reading and checking. Pure TypeScript so the
 * payment engine, the simulator and the renderer share one implementation.
 *
 * Why check at all: the payload comes from the gateway and is what the customer's wallet
 * charges. Before the QR is shown we make sure it is well formed, dynamic (one use), in
 * rupiah, for exactly the total we expect, and not corrupted in transit (CRC).
 */

export interface TlvField {
  tag: string;
  length: number;
  value: string;
  /** Sub-fields of templates 26-51 and 62, when their value parses as TLV itself. */
  children?: TlvField[];
}

export class TlvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TlvError';
  }
}

const TEMPLATE_TAG = (tag: number): boolean => (tag >= 26 && tag <= 51) || tag === 62;

function parseFlat(payload: string): TlvField[] {
  const fields: TlvField[] = [];
  let i = 0;
  while (i < payload.length) {
    if (i + 4 > payload.length) throw new TlvError(`truncated field header at position ${i}`);
    const tag = payload.slice(i, i + 2);
    const lenText = payload.slice(i + 2, i + 4);
    if (!/^\d{2}$/.test(tag)) throw new TlvError(`tag at position ${i} is not two digits`);
    if (!/^\d{2}$/.test(lenText)) throw new TlvError(`length of tag ${tag} is not two digits`);
    const length = Number(lenText);
    const value = payload.slice(i + 4, i + 4 + length);
    if (value.length !== length)
      throw new TlvError(`tag ${tag} declares ${length} characters but only ${value.length} remain`);
    fields.push({ tag, length, value });
    i += 4 + length;
  }
  return fields;
}

/** Parses the top level strictly; templates get `children` only when they parse cleanly. */
export function parseTlv(payload: string): TlvField[] {
  const fields = parseFlat(payload);
  for (const field of fields) {
    if (!TEMPLATE_TAG(Number(field.tag))) continue;
    try {
      field.children = parseFlat(field.value);
    } catch {
      // A template whose inside is not TLV is the issuer's business; the top level is ours.
    }
  }
  return fields;
}

const encoder = new TextEncoder();

/** CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of encoder.encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Encodes one TLV field; builds payloads (qris-payload.ts). */
export function tlv(tag: string, value: string): string {
  if (!/^\d{2}$/.test(tag)) throw new TlvError(`tag ${tag} is not two digits`);
  if (value.length > 99) throw new TlvError(`value of tag ${tag} is longer than 99 characters`);
  return `${tag}${String(value.length).padStart(2, '0')}${value}`;
}

/** Appends tag 63 with the CRC over everything up to and including "6304". */
export function withCrc(body: string): string {
  const head = `${body}6304`;
  return `${head}${crc16CcittFalse(head)}`;
}

/** "100003" and "100003.00" both equal 100003; "100003.5" and "1e5" do not. */
function amountEquals(text: string, expected: number): boolean {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return false;
  const whole = m[1]!;
  const fraction = m[2] ?? '';
  if (!/^0*$/.test(fraction)) return false;
  return Number.isSafeInteger(expected) && BigInt(whole) === BigInt(expected);
}

export type QrisCheck = { ok: true } | { ok: false; problems: string[] };

export function validateQrisPayload(payload: string, expectedTotal: number): QrisCheck {
  let fields: TlvField[];
  try {
    fields = parseTlv(payload);
  } catch (e) {
    return { ok: false, problems: [`payload is not well-formed TLV: ${(e as Error).message}`] };
  }
  const problems: string[] = [];
  const first = (tag: string): TlvField | undefined => fields.find((f) => f.tag === tag);
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.tag)) problems.push(`tag ${f.tag} appears more than once`);
    seen.add(f.tag);
  }

  if (fields[0]?.tag !== '00') problems.push('payload does not start with tag 00');
  if (first('00')?.value !== '01') problems.push('tag 00 (format indicator) is not "01"');
  const pointOfInitiation = first('01')?.value;
  if (pointOfInitiation !== '12') {
    problems.push(
      pointOfInitiation === '11'
        ? 'QR is static (tag 01 = "11"); a sale needs a dynamic one'
        : 'tag 01 is not "12" (dynamic)',
    );
  }
  if (first('53')?.value !== '360') problems.push('tag 53 (currency) is not "360" (rupiah)');
  const amount = first('54')?.value;
  if (amount === undefined) problems.push('tag 54 (amount) is missing');
  else if (!amountEquals(amount, expectedTotal))
    problems.push(`tag 54 (amount) is "${amount}", expected ${expectedTotal}`);

  const last = fields[fields.length - 1];
  if (!last || last.tag !== '63') {
    problems.push('tag 63 (CRC) is missing or not last');
  } else if (last.length !== 4) {
    problems.push('tag 63 (CRC) is not 4 characters');
  } else {
    const covered = payload.slice(0, payload.length - 4);
    const expected = crc16CcittFalse(covered);
    if (last.value.toUpperCase() !== expected) problems.push(`CRC is ${last.value}, computed ${expected}`);
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** The name the customer's wallet shows (tag 59), or null. */
export function merchantName(payload: string): string | null {
  try {
    return parseTlv(payload).find((f) => f.tag === '59')?.value ?? null;
  } catch {
    return null;
  }
}
