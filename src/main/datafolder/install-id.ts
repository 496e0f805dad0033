import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { INSTALL_ID_PATTERN } from '@shared/order-id';
import { writeFileAtomic } from '../settings/atomic-file';

export const INSTALL_FILE = 'install.json';
/** Crockford's base32: no I, L, O or U, so an id read aloud or typed from paper stays unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const INSTALL_ID_LENGTH = 8;
const MAX_PREVIOUS = 20;

/** Why this installation stopped using an id and took a new one. */
export type RenewReason = 'copied' | 'restored' | 'new_journal';

interface InstallRecord {
  version: 1;
  installId: string;
  createdAt: string;
  /** Where the id was issued: a copied data folder shows up as another host or folder. */
  host: string;
  folderId: string;
  /** Set once a journal was created here: an empty or missing journal after that lost history. */
  journalCreatedAt: string | null;
  previous: { installId: string; until: string; reason: RenewReason }[];
}

export interface InstallIdentity {
  installId: string;
  /** Set when this start issued a new id instead of the one on disk. */
  renewed: { previous: string; reason: RenewReason } | null;
  journalCreatedAt: string | null;
}

export interface InstallIdOptions {
  now?: () => Date;
  host?: string;
  random?: (bytes: number) => Buffer;
}

/** 8 characters of base32: 40 random bits. */
export function newInstallId(random: (bytes: number) => Buffer = randomBytes): string {
  const bytes = random(INSTALL_ID_LENGTH);
  let id = '';
  for (let i = 0; i < INSTALL_ID_LENGTH; i++) id += ALPHABET[bytes[i]! & 31];
  return id;
}

/** The data folder's identity on its disk: a copy is a new folder with a new inode, a move or rename keeps it. */
function folderIdOf(dataDir: string): string {
  try {
    return statSync(dataDir, { bigint: true }).ino.toString();
  } catch {
    return '';
  }
}

function read(dataDir: string): InstallRecord | null {
  try {
    const r = JSON.parse(readFileSync(join(dataDir, INSTALL_FILE), 'utf8')) as Partial<InstallRecord>;
    if (r.version !== 1 || typeof r.installId !== 'string' || !INSTALL_ID_PATTERN.test(r.installId)) return null;
    return {
      version: 1,
      installId: r.installId,
      createdAt: String(r.createdAt ?? ''),
      host: String(r.host ?? ''),
      folderId: String(r.folderId ?? ''),
      journalCreatedAt: typeof r.journalCreatedAt === 'string' ? r.journalCreatedAt : null,
      previous: Array.isArray(r.previous) ? r.previous.slice(-MAX_PREVIOUS) : [],
    };
  } catch {
    return null;
  }
}

function write(dataDir: string, record: InstallRecord): void {
  writeFileAtomic(join(dataDir, INSTALL_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

function identity(record: InstallRecord, renewed: InstallIdentity['renewed']): InstallIdentity {
  return { installId: record.installId, renewed, journalCreatedAt: record.journalCreatedAt };
}

/**
 * This installation's id, part of every order id so that two tills can never issue the same
 * one, whatever their settings. Issued at random on the first start and kept in the data
 * folder; no setting changes it. A data folder copied to another till (or another folder)
 * carries the old id with it, so the id is bound to the host name and the folder's inode:
 * when either differs, this copy takes a new id and remembers the old one. A false alarm (a
 * renamed computer, a folder restored from a backup) costs nothing: ids only ever need to
 * be new, never the same as before.
 */
export function loadInstallIdentity(dataDir: string, options: InstallIdOptions = {}): InstallIdentity {
  const now = options.now ?? (() => new Date());
  const host = options.host ?? hostname();
  const folderId = folderIdOf(dataDir);
  const current = read(dataDir);
  if (!current) {
    const record: InstallRecord = {
      version: 1,
      installId: newInstallId(options.random),
      createdAt: now().toISOString(),
      host,
      folderId,
      journalCreatedAt: null,
      previous: [],
    };
    write(dataDir, record);
    return identity(record, null);
  }
  const moved = (current.folderId !== '' && folderId !== '' && current.folderId !== folderId) || current.host !== host;
  if (!moved) return identity(current, null);
  return renew(dataDir, current, 'copied', { ...options, host, now });
}

/** The stored identity, or null; writes nothing. */
export function readInstallIdentity(dataDir: string): InstallIdentity | null {
  const r = read(dataDir);
  return r ? identity(r, null) : null;
}

/** A new id for this installation: after a copy, or when the journal forgot which ids it issued (restore, new journal). */
export function renewInstallId(dataDir: string, reason: RenewReason, options: InstallIdOptions = {}): InstallIdentity {
  const current = read(dataDir);
  if (!current) return loadInstallIdentity(dataDir, options);
  return renew(dataDir, current, reason, options);
}

function renew(
  dataDir: string,
  current: InstallRecord,
  reason: RenewReason,
  options: InstallIdOptions,
): InstallIdentity {
  const now = options.now ?? (() => new Date());
  let installId = newInstallId(options.random);
  const used = new Set([current.installId, ...current.previous.map((p) => p.installId)]);
  while (used.has(installId)) installId = newInstallId(options.random);
  const record: InstallRecord = {
    ...current,
    installId,
    host: options.host ?? hostname(),
    folderId: folderIdOf(dataDir),
    previous: [...current.previous, { installId: current.installId, until: now().toISOString(), reason }].slice(
      -MAX_PREVIOUS,
    ),
  };
  write(dataDir, record);
  return identity(record, { previous: current.installId, reason });
}

/** Remembers that this folder has had a journal, so a later empty or missing one is noticed. */
export function noteJournalCreated(dataDir: string, at: Date): void {
  const current = read(dataDir);
  if (!current || current.journalCreatedAt) return;
  write(dataDir, { ...current, journalCreatedAt: at.toISOString() });
}
