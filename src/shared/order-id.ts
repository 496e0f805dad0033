/** order_id is URL-safe because v2 puts it in the path: [A-Za-z0-9_-], 5 to 64 characters. */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{5,64}$/;

export function isValidOrderId(value: unknown): value is string {
  return typeof value === 'string' && ORDER_ID_PATTERN.test(value);
}

/** Terminal prefix: short, URL-safe, so ids from several counters never collide. */
export const TERMINAL_PREFIX_PATTERN = /^[A-Za-z0-9]{1,8}$/;
