/** Rupiah amounts are whole numbers everywhere: the gateway has no decimals. */
export function isWholeRupiah(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** "Rp 22.000": Indonesian grouping with dots, no decimals. Locale-independent on purpose,
 * so the cashier window, the customer display and exports agree on every machine. */
export function formatRupiah(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = Math.abs(Math.trunc(amount)).toString();
  return `${sign}Rp ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
