import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageLike } from '../../../src/main/settings/safe-storage-like';

/**
 * A SafeStorageLike that really encrypts (AES-256-GCM with a per-instance key), so a test
 * can show the key is unreadable at rest. The backend and availability are switchable to
 * play a Linux machine whose keyring stops running.
 */
export function fakeSafeStorage(options: { backend?: string; available?: boolean; machineKey?: Buffer } = {}) {
  const state = { backend: options.backend ?? 'gnome_libsecret', available: options.available ?? true };
  const key = options.machineKey ?? randomBytes(32);
  const storage: SafeStorageLike & { state: typeof state } = {
    state,
    isEncryptionAvailable: () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptString(plainText: string) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted: Buffer) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
  return storage;
}
