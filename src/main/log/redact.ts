/**
 * Pure redaction: every log line passes through here before it reaches a file or stderr.
 * The Pakasir v1 API carries the key in query strings and JSON bodies, so besides the
 * registered secrets themselves we scrub `api_key=` query values, `"api_key": "..."` JSON
 * members and `X-Api-Key` header values, whoever wrote them.
 */
export const REDACTED = '[redacted]';

/** Secrets shorter than this are not scrubbed by value: too many false hits, too little to leak. */
const MIN_SECRET_LENGTH = 4;

/** Field names whose value is always dropped, whatever it holds. */
const SECRET_FIELD = /^(api[_-]?key|x-api-key|apikey|authorization|password|secret|token)$/i;

const QUERY_KEY = /([?&;]api[_-]?key=)[^&#\s"'<>]*/gi;
const JSON_KEY = /("api[_-]?key"\s*:\s*")(?:[^"\\]|\\.)*(")/gi;
const HEADER_KEY = /(x-api-key\s*[:=]\s*)[^\s,;"']+/gi;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms a secret may take once it has travelled through a URL or a JSON string. */
function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

export function redactString(text: string, secrets: Iterable<string> = []): string {
  let out = text
    .replace(QUERY_KEY, `$1${REDACTED}`)
    .replace(JSON_KEY, `$1${REDACTED}$2`)
    .replace(HEADER_KEY, `$1${REDACTED}`);
  for (const secret of secrets) {
    for (const form of secretForms(secret)) {
      out = out.replace(new RegExp(escapeRegExp(form), 'g'), REDACTED);
    }
  }
  return out;
}

/**
 * A JSON-safe, redacted copy of any value: strings scrubbed, secret-named fields dropped,
 * errors reduced to name, message and stack (all scrubbed), cycles and depth bounded.
 */
export function redactValue(
  value: unknown,
  secrets: Iterable<string> = [],
  depth = 0,
  seen = new WeakSet<object>(),
): unknown {
  const list = [...secrets];
  if (typeof value === 'string') return redactString(value, list);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'undefined') return null;
  if (typeof value === 'function' || typeof value === 'symbol') return `[${typeof value}]`;
  if (depth > 6) return '[depth]';
  const obj = value as object;
  if (seen.has(obj)) return '[cycle]';
  seen.add(obj);
  if (obj instanceof Error) {
    const out: Record<string, unknown> = { name: obj.name, message: redactString(obj.message, list) };
    if (obj.stack) out.stack = redactString(obj.stack, list);
    const code = (obj as { code?: unknown }).code;
    if (typeof code === 'string') out.code = code;
    return out;
  }
  if (obj instanceof Date) return obj.toISOString();
  if (Array.isArray(obj)) return obj.slice(0, 100).map((v) => redactValue(v, list, depth + 1, seen));
  if (obj instanceof URL) return redactString(obj.href, list);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(obj)) {
    out[key] = SECRET_FIELD.test(key) ? REDACTED : redactValue(v, list, depth + 1, seen);
  }
  return out;
}
