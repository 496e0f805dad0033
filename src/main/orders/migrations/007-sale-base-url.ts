/**
 * The gateway address each sale was made at. With the API version and project already on
 * the row, it names the gateway that can answer for the sale after the shop switches API
 * version, project or host. Older rows keep NULL: they were made at the address set then,
 * which is the one set now unless it was changed.
 */
export const sql = `
ALTER TABLE orders ADD COLUMN base_url TEXT;
`;
