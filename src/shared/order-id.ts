/** order_id is URL-safe because v2 puts it in the path: [A-Za-z0-9_-], 5 to 64 characters. */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{5,64}$/;

export function isValidOrderId(value: unknown): value is string {
  return typeof value === 'string' && ORDER_ID_PATTERN.test(value);
}

/** Terminal prefix: a short, URL-safe label the shop chooses; uniqueness comes from the install id. */
export const TERMINAL_PREFIX_PATTERN = /^[A-Za-z0-9]{1,8}$/;

/**
 * The installation's id inside every order id: 8 characters of Crockford base32 (40 random
 * bits), issued at first start and never configurable, so two tills cannot collide however
 * their terminal prefixes are set.
 */
export const INSTALL_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;
