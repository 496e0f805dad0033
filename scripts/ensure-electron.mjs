// `npm start` / `npm run dev`: make sure Electron's binary is on disk before electron-vite
// runs it. Electron downloads the binary lazily on its first require, and electron-vite
// preview does not trigger that, so without this step the app fails with a confusing error.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronBinary, electronDir } from './lib/electron-binary.mjs';

const dir = electronDir();
if (electronBinary(dir)) process.exit(0);

if (dir) {
  console.log('Electron binary not found; downloading it once (this needs internet access)...');
  // Output is captured: on failure Electron's installer prints a stack trace that says less
  // than the one sentence below.
  spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'pipe', timeout: 300_000 });
}

if (!electronBinary(dir)) {
  console.error(
    [
      'Electron belum bisa diunduh: sambungkan ke internet lalu jalankan `npm start` lagi, atau jalankan `npm run dev:web` untuk aplikasi yang sama di browser.',
      'Electron could not be downloaded: connect to the internet and run `npm start` again, or run `npm run dev:web` for the same app in a browser.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log('Electron binary installed.');
