/**
 * The app's Content-Security-Policy: only its own origin, no inline script, no plugins, no
 * framing, no form posts. Main sends it as a header on every app:// response, and the
 * renderer's html carries the same policy in a <meta http-equiv="Content-Security-Policy">
 * (a meta cannot hold frame-ancestors; browsers ignore that one directive there, the header
 * enforces it). 'unsafe-inline' for styles only: React sets style attributes. img-src data:
 * lets the QR code render as a data URL.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
} as const;

export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');

/** The same policy for a <meta> tag: frame-ancestors is header-only and would log a warning. */
export const CONTENT_SECURITY_POLICY_META: string = Object.entries(CSP_DIRECTIVES)
  .filter(([name]) => name !== 'frame-ancestors')
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');
