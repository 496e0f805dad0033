import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createAppServices } from '../main/app/create-services';
import type { AppServices, AppServicesOptions } from '../main/app/service-types';
import { startHarness, type Harness } from './harness-server';
import { harnessServiceOptions } from './harness-services';

export interface AssembleOptions {
  dataDir: string;
  version: string;
  /** The built renderer (default: out/renderer of this checkout). */
  rendererDir?: string;
  port?: number;
  token?: string;
  /** Over the harness's own service options: tests pin clocks, zones and tuning here. */
  services?: Partial<AppServicesOptions>;
}

export interface AssembledHarness {
  services: AppServices;
  harness: Harness;
  downloadsDir: string;
  /** Stops the server, then closes the journal properly. */
  close(): Promise<void>;
}

/**
 * The one way to start the app in a browser: main's real services, built as
 * harnessServiceOptions says, behind the loopback harness serving the built renderer.
 * `npm run dev:web`, the tests, the e2e suite and the benchmarks all start here, so what is
 * tested and measured is what the harness runs.
 */
export async function assembleHarness(options: AssembleOptions): Promise<AssembledHarness> {
  const downloadsDir = join(options.dataDir, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  // Export links need the harness's origin and token, known only once it listens.
  let origin = '';
  let token = '';
  const services = await createAppServices({
    ...harnessServiceOptions({
      dataDir: options.dataDir,
      downloadsDir,
      version: options.version,
      link: () => ({ origin, token }),
    }),
    ...options.services,
  });
  let harness: Harness;
  try {
    harness = await startHarness({
      services,
      rendererDir: options.rendererDir ?? resolve(import.meta.dirname, '../../out/renderer'),
      downloadsDir,
      port: options.port,
      token: options.token,
      log: services.log,
    });
  } catch (err) {
    // The journal was opened: close it properly before the caller hears why.
    await services.stop();
    throw err;
  }
  origin = harness.origin;
  token = harness.token;
  return {
    services,
    harness,
    downloadsDir,
    async close() {
      await harness.close();
      await services.stop();
    },
  };
}
