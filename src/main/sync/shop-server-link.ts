import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PosError } from '@shared/errors';
import { writeFileAtomic } from '../settings/atomic-file';
import type { SafeStorageLike } from '../settings/safe-storage-like';
import { SecretStore } from '../settings/secret-store';

/** Everything a till needs to talk to its shop server. Main only: the token never crosses to a window. */
export interface ShopServerLink {
  url: string;
  tillId: string;
  tillName: string;
  token: string;
}

interface LinkFile {
  version: 1;
  url: string;
  tillId: string;
  tillName: string;
  pairedAt: string;
}

/**
 * Where the pairing lives: the address and till id in `shop-server.json`, the till token
 * in its own encrypted file through the same SecretStore (and the same rules: an
 * unprotected key store needs the owner's explicit consent) as the Pakasir API key.
 */
export class ShopServerLinkStore {
  private readonly file: string;
  private readonly secrets: SecretStore;
  private cached: ShopServerLink | null | undefined;

  constructor(opts: { dataDir: string; safeStorage: SafeStorageLike; platform?: NodeJS.Platform }) {
    this.file = join(opts.dataDir, 'shop-server.json');
    this.secrets = new SecretStore({
      dataDir: opts.dataDir,
      safeStorage: opts.safeStorage,
      fileName: 'shop-server-token.json',
      ...(opts.platform ? { platform: opts.platform } : {}),
    });
  }

  /** The link, or null when not paired (or the token can no longer be read: pair again). */
  get(): ShopServerLink | null {
    if (this.cached !== undefined) return this.cached;
    this.cached = this.read();
    return this.cached;
  }

  /** Where the link would go, without the token: for the status view. */
  describe(): Omit<LinkFile, 'version'> | null {
    try {
      const raw = JSON.parse(readFileSync(this.file, 'utf8')) as LinkFile;
      return raw.version === 1
        ? { url: raw.url, tillId: raw.tillId, tillName: raw.tillName, pairedAt: raw.pairedAt }
        : null;
    } catch {
      return null;
    }
  }

  save(link: ShopServerLink, opts: { acceptInsecure: boolean; at: string }): void {
    // The token first: a link file without a readable token would be a pairing that cannot work.
    this.secrets.save(link.token, { acceptInsecure: opts.acceptInsecure });
    const file: LinkFile = {
      version: 1,
      url: link.url,
      tillId: link.tillId,
      tillName: link.tillName,
      pairedAt: opts.at,
    };
    writeFileAtomic(this.file, `${JSON.stringify(file, null, 2)}\n`);
    this.cached = link;
  }

  /**
   * Forgets the pairing. Given when the data folder was found copied, the file keeps that
   * (and when), so the till can say so until it is paired again or the note has been seen.
   */
  clear(copied?: { copiedAt: string }): void {
    this.secrets.clear();
    try {
      writeFileAtomic(this.file, `${JSON.stringify({ version: 0, ...(copied ?? {}) })}\n`);
    } finally {
      this.cached = null;
    }
  }

  /** When the till unpaired itself because its folder is a copy, while nobody has seen that yet. */
  unpairedNote(): { copiedAt: string } | null {
    try {
      const raw = JSON.parse(readFileSync(this.file, 'utf8')) as { version?: number; copiedAt?: unknown };
      return raw.version === 0 && typeof raw.copiedAt === 'string' ? { copiedAt: raw.copiedAt } : null;
    } catch {
      return null;
    }
  }

  dismissUnpairedNote(): void {
    if (this.unpairedNote()) writeFileAtomic(this.file, `${JSON.stringify({ version: 0 })}\n`);
  }

  private read(): ShopServerLink | null {
    const d = this.describe();
    if (!d) return null;
    try {
      const token = this.secrets.load();
      return token ? { url: d.url, tillId: d.tillId, tillName: d.tillName, token } : null;
    } catch (err) {
      if (err instanceof PosError) return null;
      throw err;
    }
  }
}
