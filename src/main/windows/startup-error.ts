import { DataFolderInUseError, DataFolderReadOnlyError } from '../datafolder/folder-lock';
import { NativeBindingError } from '../orders/native-binding';

/**
 * What the start-up dialog says when the app cannot open. No screen has loaded yet, so the
 * renderer's translations are out of reach: the dialog carries Indonesian first (the
 * shopkeeper's language) and the English sentence after it, which also keeps the file
 * paths and the exact command for whoever helps the shop.
 */
export interface StartupErrorText {
  title: string;
  body: string;
}

export const STARTUP_ERROR_TITLE = 'Pakasir POS tidak bisa dibuka / could not start';

function indonesian(err: unknown): string {
  if (err instanceof NativeBindingError) {
    return err.source === 'packaged'
      ? 'Pakasir POS belum terpasang lengkap (bagian penyimpan datanya hilang atau tidak cocok dengan komputer ini). Pasang ulang Pakasir POS.'
      : 'Bagian penyimpan data untuk aplikasi ini belum disiapkan. Sambungkan ke internet lalu jalankan `npm start` sekali lagi.';
  }
  if (err instanceof DataFolderInUseError) {
    return `Pakasir POS sudah terbuka di komputer ini (folder data ${err.dataDir}). Tutup dulu yang sudah terbuka, supaya pembayaran yang sama tidak dicek dua kali.`;
  }
  if (err instanceof DataFolderReadOnlyError) {
    return `Folder data ${err.dataDir} tidak bisa ditulisi. Periksa apakah disknya penuh atau terkunci, dan apakah pengguna komputer ini boleh menyimpan di situ.`;
  }
  return 'Pakasir POS tidak bisa dibuka. Tutup lalu buka lagi; kalau masih gagal, kirim pesan di bawah ini ke yang membantu toko Anda.';
}

export function startupErrorText(err: unknown): StartupErrorText {
  const english = err instanceof Error ? err.message : String(err);
  return { title: STARTUP_ERROR_TITLE, body: `${indonesian(err)}\n\n${english}` };
}
