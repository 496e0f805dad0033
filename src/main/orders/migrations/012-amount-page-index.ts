/**
 * A history search for an amount ("110.000") found its sales through indices of the amount
 * alone, then read its page by walking every sale newest first until enough of them were in
 * the set: at a million sales, an amount 2,500 sales share walked some 20,000 index entries
 * per page. With the page's order after the amount, each way a sale matches an amount (the
 * price asked, the total paid) is read newest first straight from its index and stops at the
 * page's end (order-search.ts). These replace the indices of migration 9 and still answer
 * every lookup those did.
 */
export const sql = `
DROP INDEX orders_price;
CREATE INDEX orders_price_created ON orders(coalesce(price, amount), created_at, order_id);
DROP INDEX orders_total_payment;
CREATE INDEX orders_total_payment_created ON orders(total_payment, created_at, order_id);
`;
