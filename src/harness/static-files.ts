import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONTENT_TYPES, EXPORT_CONTENT_TYPES } from '../main/security/content-types';

const TYPES: Record<string, string> = { ...CONTENT_TYPES, ...EXPORT_CONTENT_TYPES };

/** Resolves a URL path inside `root`, or null when it would step outside (traversal). */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = normalize(join(root, decoded));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return full.startsWith(base) ? full : null;
}

export function serveFile(res: ServerResponse, file: string, headers: Record<string, string> = {}): boolean {
  const type = TYPES[extname(file).toLowerCase()];
  if (!type) return false;
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return false;
    size = st.size;
  } catch {
    return false;
  }
  res.writeHead(200, {
    'content-type': type,
    'content-length': String(size),
    'cache-control': 'no-store',
    ...headers,
  });
  createReadStream(file).pipe(res);
  return true;
}
