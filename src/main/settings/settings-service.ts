import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SettingsPatch } from '@shared/contract/api';
import { callSchemas } from '@shared/contract/schemas';
import type { AppMode, SettingsView } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { FeePayer, PakasirFeeBearer } from '@shared/fees';
import type { ApiVersion } from '@shared/methods';
import type { SafeStorageLike } from './safe-storage-like';
import { writeFailure } from '../datafolder/fs-errors';
import { writeFileAtomic } from './atomic-file';
import { SecretStore } from './secret-store';

/** Everything persisted in settings.json: the view minus the secret and derived fields. */
export type StoredSettings = Required<Omit<SettingsPatch, 'customerDisplayId' | 'feePayer'>> & {
  customerDisplayId: number | null;
  /** null until the owner has chosen: the shop bears the fee meanwhile. */
  feePayer: FeePayer | null;
};

export type SettingsChange = 'settings' | 'learned';

/** What a create answer taught about a project: who its "Beban Biaya" setting makes pay. */
export interface LearnedFeeBearer {
  bearer: PakasirFeeBearer;
  seenAt: string;
}

const MAX_LEARNED_PROJECTS = 20;

export const DEFAULT_SETTINGS: Readonly<StoredSettings> = Object.freeze({
  projectSlug: '',
  apiVersion: 'v2',
  sandbox: true,
  baseUrl: 'https://app.pakasir.com',
  terminalPrefix: 'KSR1',
  defaultMethod: 'qris',
  linkQrisOnly: false,
  linkRedirectUrl: '',
  customerDisplayEnabled: true,
  customerDisplayId: null,
  shopName: 'Toko Saya',
  language: 'id',
  businessDayCutoffHour: 4,
  csvDelimiter: ';',
  acceptInsecureStorage: false,
  voiceEnabled: true,
  soundVolume: 80,
  feePayer: null,
});

/** What the gateway clients need. Main only: never crosses to a renderer. */
export interface Credentials {
  projectSlug: string;
  apiKey: string;
  apiVersion: ApiVersion;
  baseUrl: string;
  sandbox: boolean;
}

export interface SettingsLog {
  addSecret(value: string): void;
  removeSecret?(value: string): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface SettingsServiceOptions {
  dataDir: string;
  safeStorage: SafeStorageLike;
  platform?: NodeJS.Platform;
  log?: SettingsLog;
  /** The project demo mode sells for, whose learned facts the view shows in demo mode. */
  demoProjectSlug?: string;
  /** The API key lives in this process only (the browser harness); see SecretStore. */
  keyInMemoryOnly?: boolean;
}

const fieldSchemas = callSchemas.updateSettings.shape;
const fieldSchemasApiKey = callSchemas.setApiKey.shape.apiKey;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The base URL receives the API key on every call, so: https, or plain http only to this
 * machine (the local simulator). No credentials, query or fragment; no trailing slash.
 */
export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new PosError('invalid_input', 'The base URL is not a valid address.', [
      { path: 'baseUrl', message: 'not a URL' },
    ]);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new PosError(
      'invalid_input',
      'The base URL must start with https:// (plain http is allowed only for this computer).',
      [{ path: 'baseUrl', message: 'must be https' }],
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new PosError('invalid_input', 'The base URL must not carry a user name, password, query or fragment.', [
      { path: 'baseUrl', message: 'only scheme, host, port and path' },
    ]);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Settings persisted as JSON in the data folder (atomic write), and the API key through
 * the SecretStore. The view is the only shape that leaves this class for a renderer; the
 * key only ever leaves through credentials(), for main's gateway clients.
 */
export class SettingsService {
  private readonly file: string;
  private readonly secrets: SecretStore;
  private readonly log: SettingsLog | undefined;
  private settings: StoredSettings;
  private learned: Record<string, LearnedFeeBearer> = {};
  private readonly demoProjectSlug: string | null;
  private readonly listeners = new Set<(view: SettingsView, what: SettingsChange) => void>();

  constructor(options: SettingsServiceOptions) {
    this.file = join(options.dataDir, 'settings.json');
    this.log = options.log;
    this.secrets = new SecretStore({
      dataDir: options.dataDir,
      safeStorage: options.safeStorage,
      platform: options.platform ?? process.platform,
      memoryOnly: options.keyInMemoryOnly,
    });
    this.demoProjectSlug = options.demoProjectSlug ?? null;
    this.settings = this.load();
  }

  get mode(): AppMode {
    if (!this.settings.projectSlug || !this.secrets.status().stored) return 'demo';
    return this.settings.sandbox ? 'sandbox' : 'production';
  }

  view(): SettingsView {
    const status = this.secrets.status();
    const mode = this.mode;
    const project = mode === 'demo' ? this.demoProjectSlug : this.settings.projectSlug;
    return {
      ...this.settings,
      feePayer: this.feePayer(),
      feePayerChosen: this.settings.feePayer !== null,
      pakasirFeeBearer: project ? (this.learned[project] ?? null) : null,
      apiKeySet: status.stored,
      apiKeyHint: status.stored ? status.hint : null,
      secretBackend: status.backend,
      secretProtected: status.protected,
      secretBackendChanged: status.changed,
      mode,
    };
  }

  update(patch: SettingsPatch): SettingsView {
    const next: StoredSettings = { ...this.settings };
    // Re-parse each field here too: update() has callers besides the IPC wrapper.
    const parsed = callSchemas.updateSettings.safeParse(patch);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || '(input)',
        message: i.message,
      }));
      throw new PosError(
        'invalid_input',
        `Invalid settings: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
    for (const [key, value] of Object.entries(parsed.data)) {
      if (value !== undefined) (next as Record<string, unknown>)[key] = value;
    }
    next.projectSlug = next.projectSlug.trim();
    next.shopName = next.shopName.trim() || DEFAULT_SETTINGS.shopName;
    next.baseUrl = normalizeBaseUrl(next.baseUrl);
    if (next.defaultMethod === 'payment_link' && next.apiVersion !== 'v2') next.defaultMethod = 'qris';
    if (next.defaultMethod === 'paypal' && next.apiVersion !== 'v1') next.defaultMethod = 'qris';
    // The key belongs to one project at one host. Pointing the app at another host or
    // project must not send the stored key there (a compromised window could otherwise
    // exfiltrate it with a base URL of its choosing): the key is wiped and must be entered
    // again for the new destination.
    const destinationChanged =
      new URL(next.baseUrl).origin !== new URL(this.settings.baseUrl).origin ||
      next.projectSlug !== this.settings.projectSlug;
    if (destinationChanged && this.secrets.status().stored) {
      const previous = this.safeLoad();
      this.secrets.clear();
      if (previous) this.log?.removeSecret?.(previous);
      this.log?.warn('project or base URL changed: the stored API key was wiped and must be entered again');
    }
    // Memory follows the file, never leads it: a failed write leaves the running app exactly
    // as the disk says it is.
    this.save(next);
    this.settings = next;
    return this.changed();
  }

  /**
   * Project and key together, so moving to another project never leaves the app without a
   * key it silently lost: everything is checked first (the key's shape, whether this computer
   * may store it), and only then is the old key replaced by the new one.
   */
  setProject(patch: SettingsPatch, apiKey: string): SettingsView {
    this.checkKey(apiKey);
    if (!this.secrets.isProtected() && !this.settings.acceptInsecureStorage && patch.acceptInsecureStorage !== true) {
      throw new PosError(
        'insecure_storage',
        'This computer cannot protect the API key, so nothing was changed. Accept storing it without protection first.',
      );
    }
    this.update(patch);
    return this.setApiKey(apiKey);
  }

  private checkKey(key: string): void {
    const parsed = fieldSchemasApiKey.safeParse(key);
    if (!parsed.success)
      throw new PosError('invalid_input', 'The API key is not valid.', [
        { path: 'apiKey', message: parsed.error.issues[0]?.message ?? 'invalid' },
      ]);
  }

  /**
   * Who pays Pakasir's fee (the shop until the owner chooses), read on every charge: from
   * memory, without view()'s look at the saved key on disk.
   */
  feePayer(): FeePayer {
    return this.settings.feePayer ?? 'shop';
  }

  /** Pakasir's "Beban Biaya" as a create answer showed it for a project, or null when unknown. */
  feeBearerFor(project: string): PakasirFeeBearer | null {
    return this.learned[project]?.bearer ?? null;
  }

  /** Remembers who bears the fee in a project (from a create answer); a change is announced. */
  noteFeeBearer(project: string, bearer: PakasirFeeBearer, at: Date = new Date()): void {
    if (this.learned[project]?.bearer === bearer) return;
    const others = Object.entries(this.learned)
      .filter(([p]) => p !== project)
      .sort((a, b) => b[1].seenAt.localeCompare(a[1].seenAt))
      .slice(0, MAX_LEARNED_PROJECTS - 1);
    const learned = { ...Object.fromEntries(others), [project]: { bearer, seenAt: at.toISOString() } };
    this.save(this.settings, learned);
    this.learned = learned;
    this.changed('learned');
  }

  setApiKey(key: string): SettingsView {
    this.checkKey(key);
    // Register before anything can log: even an error below must not print the key.
    this.log?.addSecret(key);
    const previous = this.safeLoad();
    this.secrets.save(key, { acceptInsecure: this.settings.acceptInsecureStorage });
    if (previous && previous !== key) this.log?.removeSecret?.(previous);
    return this.changed();
  }

  clearApiKey(): SettingsView {
    const previous = this.safeLoad();
    this.secrets.clear();
    if (previous) this.log?.removeSecret?.(previous);
    return this.changed();
  }

  /**
   * For main's gateway clients only. null in demo mode. Throws storage_changed when the
   * key store changed since the key was saved: a loud failure, never a silent demo mode.
   */
  credentials(): Credentials | null {
    if (!this.settings.projectSlug) return null;
    const apiKey = this.secrets.load();
    if (!apiKey) return null;
    this.log?.addSecret(apiKey);
    const { projectSlug, apiVersion, baseUrl, sandbox } = this.settings;
    return { projectSlug, apiKey, apiVersion, baseUrl, sandbox };
  }

  /** `what`: 'learned' when only a fact learned from Pakasir changed, nothing the owner set. */
  onChange(listener: (view: SettingsView, what: SettingsChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private safeLoad(): string | null {
    try {
      return this.secrets.load();
    } catch {
      return null;
    }
  }

  private changed(what: SettingsChange = 'settings'): SettingsView {
    const view = this.view();
    for (const listener of this.listeners) {
      try {
        listener(view, what);
      } catch (err) {
        this.log?.warn('settings listener failed', { error: err });
      }
    }
    return view;
  }

  private save(settings: StoredSettings = this.settings, learned = this.learned): void {
    try {
      writeFileAtomic(
        this.file,
        `${JSON.stringify({ version: 1, settings, learned: { feeBearers: learned } }, null, 2)}\n`,
      );
    } catch (err) {
      throw writeFailure('The settings', this.file, err);
    }
  }

  /** Each stored field is checked on its own: one bad value falls back to its default, not all. */
  private load(): StoredSettings {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        this.log?.warn('settings file unreadable; using defaults', { error: err });
      return { ...DEFAULT_SETTINGS };
    }
    const stored = (raw as { settings?: Record<string, unknown> })?.settings ?? {};
    this.learned = readLearned((raw as { learned?: { feeBearers?: unknown } })?.learned?.feeBearers);
    const out: StoredSettings = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof StoredSettings)[]) {
      if (!(key in stored)) continue;
      // null is how "the owner has not chosen yet" is written.
      if (key === 'feePayer' && stored[key] === null) continue;
      const ok = fieldSchemas[key].safeParse(stored[key]);
      if (ok.success && ok.data !== undefined) (out as Record<string, unknown>)[key] = ok.data;
      else this.log?.warn('stored setting invalid; using default', { setting: key });
    }
    try {
      out.baseUrl = normalizeBaseUrl(out.baseUrl);
    } catch {
      out.baseUrl = DEFAULT_SETTINGS.baseUrl;
    }
    return out;
  }
}

function readLearned(value: unknown): Record<string, LearnedFeeBearer> {
  const out: Record<string, LearnedFeeBearer> = {};
  if (!value || typeof value !== 'object') return out;
  for (const [project, entry] of Object.entries(value as Record<string, unknown>)) {
    const e = entry as { bearer?: unknown; seenAt?: unknown } | null;
    if ((e?.bearer === 'customer' || e?.bearer === 'merchant') && typeof e.seenAt === 'string')
      out[project] = { bearer: e.bearer, seenAt: e.seenAt };
  }
  return out;
}
