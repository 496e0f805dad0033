import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');

/**
 * The API key enters only through Settings (setApiKey) and lives only in the secret store.
 * An environment variable would leak it to child processes, crash reports and, for VITE_
 * variables, straight into the renderer bundle. This scans every source file for a read
 * of a key-like variable from the environment.
 */
describe('the API key is never read from the environment', () => {
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

  it('finds the sources to scan', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('no source reads a key, secret or token from process.env or import.meta.env', () => {
    const pattern = /(process\.env|import\.meta\.env)\s*(\.\s*|\[\s*['"`])[A-Z0-9_]*(KEY|SECRET|TOKEN)/i;
    const offenders = files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => f.slice(SRC.length + 1));
    expect(offenders).toEqual([]);
  });

  it('no source names a VITE_ variable for a key', () => {
    const offenders = files
      .filter((f) => /VITE_[A-Z0-9_]*(KEY|SECRET|TOKEN)/i.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(SRC.length + 1));
    expect(offenders).toEqual([]);
  });
});
