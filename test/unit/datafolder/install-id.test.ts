import { cpSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTALL_ID_PATTERN } from '../../../src/shared/order-id';
import {
  INSTALL_FILE,
  loadInstallIdentity,
  noteJournalCreated,
  renewInstallId,
} from '../../../src/main/datafolder/install-id';
import { useTempDir } from '../orders/temp-dir';

const tempDir = useTempDir();

describe('the install id', () => {
  it('is issued once at first start, kept private in the data folder, and the same on every later start', () => {
    const dir = tempDir();
    const first = loadInstallIdentity(dir, { host: 'kasir-1' });
    expect(first.installId).toMatch(INSTALL_ID_PATTERN);
    expect(first.renewed).toBeNull();
    expect(loadInstallIdentity(dir, { host: 'kasir-1' })).toEqual(first);
    if (process.platform !== 'win32') expect(statSync(join(dir, INSTALL_FILE)).mode & 0o777).toBe(0o600);
  });

  it('a data folder copied to another folder or till takes a new id; the original keeps its own', () => {
    const original = tempDir();
    const { installId } = loadInstallIdentity(original, { host: 'kasir-1' });
    // Copied on the same computer (a new folder)...
    const copy = join(tempDir(), 'copy');
    cpSync(original, copy, { recursive: true });
    const copied = loadInstallIdentity(copy, { host: 'kasir-1' });
    expect(copied.installId).not.toBe(installId);
    expect(copied.renewed).toEqual({ previous: installId, reason: 'copied' });
    // ...and then used on it from then on.
    expect(loadInstallIdentity(copy, { host: 'kasir-1' }).installId).toBe(copied.installId);
    // The same bytes on another computer (a cloned disk keeps the folder, not the host name).
    const elsewhere = loadInstallIdentity(original, { host: 'kasir-2' });
    expect(elsewhere.renewed?.reason).toBe('copied');
    expect(elsewhere.installId).not.toBe(installId);
    expect(elsewhere.installId).not.toBe(copied.installId);
  });

  it('a folder that is moved or renamed on its disk keeps its id', () => {
    const parent = tempDir();
    const dir = join(parent, 'a');
    cpSync(tempDir(), dir, { recursive: true });
    const { installId } = loadInstallIdentity(dir, { host: 'kasir-1' });
    renameSync(dir, join(parent, 'b'));
    expect(loadInstallIdentity(join(parent, 'b'), { host: 'kasir-1' })).toMatchObject({ installId, renewed: null });
  });

  it('is renewed when the journal forgets which ids it issued, and remembers the old ones', () => {
    const dir = tempDir();
    const { installId } = loadInstallIdentity(dir, { host: 'kasir-1' });
    const renewed = renewInstallId(dir, 'restored', { host: 'kasir-1', now: () => new Date('2026-11-25T00:00:00Z') });
    expect(renewed.installId).not.toBe(installId);
    const record = JSON.parse(readFileSync(join(dir, INSTALL_FILE), 'utf8')) as { previous: unknown[] };
    expect(record.previous).toEqual([{ installId, until: '2026-11-25T00:00:00.000Z', reason: 'restored' }]);
  });

  it('remembers when the folder first had a journal', () => {
    const dir = tempDir();
    expect(loadInstallIdentity(dir).journalCreatedAt).toBeNull();
    noteJournalCreated(dir, new Date('2026-11-25T01:00:00Z'));
    noteJournalCreated(dir, new Date('2026-11-26T01:00:00Z'));
    expect(loadInstallIdentity(dir).journalCreatedAt).toBe('2026-11-25T01:00:00.000Z');
  });
});
