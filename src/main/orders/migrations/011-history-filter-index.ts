/**
 * The history filtered by state and method (an owner's "paid QRIS this month") read its page
 * through orders_method_created, testing every QRIS sale of the range for its state and
 * sorting ties on order_id in a temporary b-tree; on a busy machine that page took up to a
 * hundred milliseconds at a million sales. This index holds the filter and the page's whole
 * order, so the page is one range read newest first that stops at the page's end, and the
 * partial days of its total are counted from the index alone.
 */
export const sql = `
CREATE INDEX orders_state_method_created ON orders(state, method, created_at, order_id);
`;
