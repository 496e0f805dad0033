import type { SafeStorageLike } from '../settings/safe-storage-like';

interface ElectronSafeStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Adapts Electron's safeStorage to SafeStorageLike. The backend getter exists (and means
 * something) only on Linux; elsewhere the secret store names the platform keystore itself.
 * Must be called after the app is ready: before that Linux reports 'unknown'.
 */
export function electronSafeStorage(
  safeStorage: ElectronSafeStorage,
  platform: NodeJS.Platform = process.platform,
): SafeStorageLike {
  const adapter: SafeStorageLike = {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (plainText) => safeStorage.encryptString(plainText),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  };
  if (platform === 'linux' && typeof safeStorage.getSelectedStorageBackend === 'function') {
    adapter.getSelectedStorageBackend = () => safeStorage.getSelectedStorageBackend!();
  }
  return adapter;
}
