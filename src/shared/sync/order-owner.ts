/**
 * The part of an order id that names the counter that issued it: everything before the
 * time stamp and the sequence. Today's ids carry the terminal prefix and the installation id
 * (`KSR1-7HQK2M9X-20261125T074402-00000123` -> `KSR1-7HQK2M9X`), so two tills that share a
 * prefix still differ; ids from before the installation id give the prefix alone
 * (`KSR1-20261125T074402-00000123` -> `KSR1`). A till sends its key when it pairs, and the
 * server learns
 * each till's keys from the sales it pushes, so a webhook for a sale it has not seen yet still
 * reaches the right till. Null for an id that does not have this shape.
 */
export function orderIdOwnerKey(orderId: string): string | null {
  const m = /^(.+)-\d{8}T\d{6}-\d+$/.exec(orderId);
  return m ? m[1]! : null;
}
