/**
 * The part of an order id that names the counter that issued it: everything before the
 * time stamp and the sequence (`KSR1-20261125T074402-00000123` -> `KSR1`; an id that also
 * carries an installation id, `AB12CD-KSR1-…`, gives `AB12CD-KSR1`). The shop server learns
 * each till's keys from the sales it pushes, so a webhook for a sale it has not seen yet still
 * reaches the right till. Null for an id that does not have this shape.
 */
export function orderIdOwnerKey(orderId: string): string | null {
  const m = /^(.+)-\d{8}T\d{6}-\d+$/.exec(orderId);
  return m ? m[1]! : null;
}
