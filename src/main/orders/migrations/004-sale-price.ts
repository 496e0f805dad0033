/**
 * The price the cashier asked for, next to the amount sent to Pakasir. They differ when the
 * customer pays the round price: the amount is then chosen so that amount + fee = price.
 * fee_payer is the shop's choice at the time of the sale ('shop' or 'customer').
 * Older rows keep NULL in both: their price was the amount, and the customer paid the fee
 * on top (readers fill that in), so a million-row journal migrates without a rewrite.
 */
export const sql = `
ALTER TABLE orders ADD COLUMN price INTEGER CHECK (price IS NULL OR price > 0);
ALTER TABLE orders ADD COLUMN fee_payer TEXT CHECK (fee_payer IS NULL OR fee_payer IN ('shop','customer'));
`;
