import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { CONTENT_TYPES } from './content-types';
import { APP_SCHEME } from './trusted-url';

const RAW_APP_URL = /^app:\/\/pos(\/[^?#]*)?(?:[?#].*)?$/i;

/**
 * Maps `app://pos/<path>` to a file under rootDir, or null. Refuses rather than normalizes
 * anything that could step outside the folder: `..` and `.` segments (plain or percent-
 * encoded), encoded slashes and backslashes, NUL, drive letters and absolute paths. The raw
 * string is checked before any URL parser gets a chance to collapse `..` for us.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  const match = RAW_APP_URL.exec(requestUrl);
  if (!match) return null;
  const rawPath = match[1] && match[1] !== '/' ? match[1] : '/index.html';
  if (/%(2f|5c|00)/i.test(rawPath) || rawPath.includes('\\')) return null;
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (
      seg === '' ||
      seg === '.' ||
      seg === '..' ||
      seg.includes('\0') ||
      seg.includes('/') ||
      seg.includes('\\') ||
      /^[a-z]:/i.test(seg)
    ) {
      return null;
    }
    segments.push(seg);
  }
  const root = resolve(rootDir);
  const full = resolve(root, ...segments);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || !full.startsWith(root + sep)) return null;
  return full;
}

/** The app:// response for a request: the file with its type and the CSP header, or 404. */
export async function appProtocolResponse(rootDir: string, requestUrl: string): Promise<Response> {
  const path = resolveAppPath(rootDir, requestUrl);
  const type = path ? CONTENT_TYPES[extname(path).toLowerCase()] : undefined;
  if (!path || !type) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(path);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

/** The privileges app:// needs; registered before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;
