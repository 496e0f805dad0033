import { existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretBackend } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { SafeStorageLike } from './safe-storage-like';
import { writeFailure } from '../datafolder/fs-errors';
import { writeFileAtomic } from './atomic-file';

/** What the secret file holds: ciphertext and the facts needed to refuse a wrong decrypt. */
interface SecretFile {
  version: 1;
  backend: SecretBackend;
  ciphertext: string;
  /** Last four characters, so the settings screen can show which key is set without decrypting. */
  hint: string;
  storedAt: string;
}

export interface SecretStatus {
  /** The backend this run would use. */
  backend: SecretBackend;
  /** Whether that backend protects the key at rest. */
  protected: boolean;
  stored: boolean;
  hint: string | null;
  /** Set when the key on disk was written by another backend than this run's. */
  changed: { from: SecretBackend; to: SecretBackend } | null;
}

export interface SecretStoreOptions {
  dataDir: string;
  safeStorage: SafeStorageLike;
  platform?: NodeJS.Platform;
  fileName?: string;
  /**
   * Keep the (encoded) key in this process only, never on disk: the browser harness, whose
   * "encryption" is a reversible encoding. A restart forgets the key.
   */
  memoryOnly?: boolean;
}

const LINUX_BACKENDS: readonly SecretBackend[] = [
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
  'basic_text',
  'unknown',
  'memory',
];

/**
 * Backends that do not protect the key at rest:
 * - basic_text: Electron's Linux fallback when no keyring is running; it "encrypts" with a
 *   hard-coded password, so anyone who can read the file can read the key.
 * - unknown: we cannot tell, so we assume the worst.
 * - memory: the development stand-in below; a reversible encoding, not encryption.
 */
const UNPROTECTED: ReadonlySet<SecretBackend> = new Set(['basic_text', 'unknown', 'memory']);

export function detectBackend(safeStorage: SafeStorageLike, platform: NodeJS.Platform): SecretBackend {
  if (safeStorage.getSelectedStorageBackend) {
    const name = safeStorage.getSelectedStorageBackend();
    return (LINUX_BACKENDS as readonly string[]).includes(name) ? (name as SecretBackend) : 'unknown';
  }
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  return 'unknown';
}

/**
 * The API key, encrypted at rest in the data folder through the OS keystore (Electron's
 * safeStorage). Like Signal Desktop's getSQLKey(): the backend the key was written with is
 * remembered, and if a later run has another backend (a keyring that stopped running, a
 * desktop switch) we refuse to decrypt rather than hand the gateway garbage or, worse,
 * silently fall back to an unprotected store.
 */
export class SecretStore {
  private readonly path: string;
  private readonly safeStorage: SafeStorageLike;
  private readonly platform: NodeJS.Platform;
  /** Decrypt once per run: on macOS each decrypt may ask the keychain. */
  private cached: string | null = null;
  /** The stored record when memoryOnly: what the file would hold. */
  private memory: SecretFile | null = null;
  private readonly memoryOnly: boolean;

  constructor(options: SecretStoreOptions) {
    this.path = join(options.dataDir, options.fileName ?? 'api-key.json');
    this.safeStorage = options.safeStorage;
    this.platform = options.platform ?? process.platform;
    this.memoryOnly = options.memoryOnly ?? false;
  }

  currentBackend(): SecretBackend {
    return detectBackend(this.safeStorage, this.platform);
  }

  isProtected(): boolean {
    return this.safeStorage.isEncryptionAvailable() && !UNPROTECTED.has(this.currentBackend());
  }

  status(): SecretStatus {
    const backend = this.currentBackend();
    let file: SecretFile | null;
    try {
      file = this.readFile();
    } catch {
      // A damaged file still counts as "a key is set": load() will say what is wrong.
      return { backend, protected: this.isProtected(), stored: true, hint: null, changed: null };
    }
    return {
      backend,
      protected: this.isProtected(),
      stored: file !== null,
      hint: file?.hint ?? null,
      changed: file && file.backend !== backend ? { from: file.backend, to: backend } : null,
    };
  }

  /** Stores the key; refuses an unprotected backend unless the operator accepted that risk. */
  save(key: string, options: { acceptInsecure: boolean }): void {
    if (!this.safeStorage.isEncryptionAvailable() && !options.acceptInsecure) {
      throw new PosError(
        'insecure_storage',
        'This computer offers no encryption for saved secrets, so the API key was not saved. Turn on "store the key without protection" in Settings to accept that risk.',
      );
    }
    if (!this.isProtected() && !options.acceptInsecure) {
      throw new PosError(
        'insecure_storage',
        'The API key was not saved: this computer has no keyring to protect it, so anyone who can read the data folder could read the key. Start a keyring (GNOME Keyring or KWallet) or accept storing it without protection in Settings.',
      );
    }
    let ciphertext: Buffer;
    try {
      ciphertext = this.safeStorage.encryptString(key);
    } catch {
      throw new PosError(
        'insecure_storage',
        'The operating system refused to encrypt the API key, so it was not saved.',
      );
    }
    const file: SecretFile = {
      version: 1,
      backend: this.currentBackend(),
      ciphertext: ciphertext.toString('base64'),
      hint: key.slice(-4),
      storedAt: new Date().toISOString(),
    };
    if (this.memoryOnly) {
      this.memory = file;
      this.cached = key;
      return;
    }
    try {
      writeFileAtomic(this.path, JSON.stringify(file));
    } catch (err) {
      throw writeFailure('The API key', this.path, err);
    }
    this.cached = key;
  }

  /** The key, or null when none is stored. Throws storage_changed rather than guess. */
  load(): string | null {
    const file = this.readFile();
    if (!file) {
      this.cached = null;
      return null;
    }
    if (this.cached !== null) return this.cached;
    const backend = this.currentBackend();
    if (file.backend !== backend) {
      throw new PosError(
        'storage_changed',
        `The API key was saved with the "${file.backend}" key store, but this session uses "${backend}". The key was not read; enter the API key again in Settings.`,
      );
    }
    let key: string;
    try {
      key = this.safeStorage.decryptString(Buffer.from(file.ciphertext, 'base64'));
    } catch {
      throw new PosError(
        'storage_changed',
        'The saved API key can no longer be decrypted on this computer. Enter the API key again in Settings.',
      );
    }
    // A decrypt that "succeeds" with another keyring's secret yields bytes that do not end
    // in the remembered hint: treat that as a changed store, never as a key.
    if (key.slice(-4) !== file.hint) {
      throw new PosError(
        'storage_changed',
        'The saved API key did not decrypt correctly. Enter the API key again in Settings.',
      );
    }
    this.cached = key;
    return key;
  }

  /** Overwrites the ciphertext before unlinking, so the old bytes do not linger in the file. */
  clear(): void {
    this.cached = null;
    this.memory = null;
    if (this.memoryOnly || !existsSync(this.path)) return;
    try {
      const size = statSync(this.path).size;
      writeFileSync(this.path, Buffer.alloc(size, 0));
    } finally {
      unlinkSync(this.path);
    }
  }

  private readFile(): SecretFile | null {
    if (this.memoryOnly) return this.memory;
    let raw: string;
    try {
      raw = readFileSync(this.path, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = JSON.parse(raw) as Partial<SecretFile>;
      if (
        parsed.version === 1 &&
        typeof parsed.ciphertext === 'string' &&
        typeof parsed.backend === 'string' &&
        typeof parsed.hint === 'string'
      ) {
        return parsed as SecretFile;
      }
    } catch {
      // fall through: a damaged file is reported, not guessed at
    }
    throw new PosError('storage_changed', 'The saved API key file is damaged. Enter the API key again in Settings.');
  }
}

/**
 * A SafeStorageLike for the browser harness and tests, where Electron's safeStorage does
 * not exist. It is NOT encryption (a reversible encoding, so a harness restart can still
 * read the key) and reports the backend 'memory', which the store counts as unprotected:
 * storing a key through it needs the same explicit `acceptInsecureStorage` as Linux's
 * basic_text. The harness is a development tool and is never packaged.
 */
export function memorySafeStorage(): SafeStorageLike {
  const MARK = 'pos-memory-v1:';
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'memory',
    encryptString: (plainText: string) => Buffer.from(MARK + Buffer.from(plainText, 'utf8').toString('base64'), 'utf8'),
    decryptString: (encrypted: Buffer) => {
      const text = encrypted.toString('utf8');
      if (!text.startsWith(MARK)) throw new Error('not written by memorySafeStorage');
      return Buffer.from(text.slice(MARK.length), 'base64').toString('utf8');
    },
  };
}
