import { join } from 'node:path';
import type { AppServicesOptions } from '../main/app/service-types';
import { memorySafeStorage } from '../main/settings/secret-store';
import { filePrinter } from './file-printer';

export interface HarnessServiceOptions {
  dataDir: string;
  downloadsDir: string;
  version: string;
  /** The harness origin and token, known only once it listens: export links are built late. */
  link: () => { origin: string; token: string };
}

/**
 * The options every browser-harness run builds its services with (`npm run dev:web`, the
 * tests and the benchmarks alike), so what is tested is what the harness runs: the key is
 * kept in memory only, exports (and what the OS printer would print) land in the downloads
 * folder and are offered as links.
 */
export function harnessServiceOptions(options: HarnessServiceOptions): AppServicesOptions {
  return {
    dataDir: options.dataDir,
    shell: 'browser',
    safeStorage: memorySafeStorage(),
    keyStorage: 'memory',
    version: options.version,
    listDisplays: () => [{ id: 1, label: 'Browser', primary: true, width: 1920, height: 1080 }],
    // The OS printer of a browser is a file in the downloads folder.
    osPrinter: filePrinter(options.downloadsDir),
    exportSink: {
      choosePath: async (name) => join(options.downloadsDir, name),
      describe: (_path, name, bytes) => {
        const { origin, token } = options.link();
        return { name, url: `${origin}/downloads/${encodeURIComponent(name)}?token=${token}`, bytes };
      },
    },
  };
}
