import { ERROR_CODES, type ErrorCode } from '@shared/errors';
import { isMessageKey, t } from '../i18n';

export interface ShownError {
  code: ErrorCode;
  /** The translated sentence for the code. */
  text: string;
  /** Field problems (invalid_input), as "path: message" lines. */
  issues: string[];
}

function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);
}

/** A code from main as this build knows it: anything else (a newer main, a damaged answer) reads as the generic one. */
export function knownErrorCode(v: unknown): ErrorCode {
  return isErrorCode(v) ? v : 'internal';
}

/** Any rejection from a call becomes a plain-language message in the current language. */
export function describeError(err: unknown): ShownError {
  const e = err as { code?: unknown; issues?: { path: string; message: string }[] } | null;
  const code = knownErrorCode(e?.code);
  // A field main refused reads in the shop's words when we have them; the field's own
  // message otherwise.
  const issues = Array.isArray(e?.issues)
    ? e.issues.map((i) => {
        const own = `issue.${i.path}`;
        return isMessageKey(own) ? t(own) : t('error.issue', { path: i.path, message: i.message });
      })
    : [];
  return { code, text: t(`error.${code}`), issues };
}
