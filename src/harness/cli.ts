import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PosError } from '@shared/errors';
import { createAppServices } from '../main/app/create-services';
import { listenProblem, portFromArgs } from './cli-port';
import { startHarness, newToken, type Harness } from './harness-server';
import { harnessServiceOptions } from './harness-services';

/**
 * `npm run dev:web`: the whole app in a browser. Main's real services run here in Node
 * (demo mode unless credentials are set in Settings); the built renderer is served on
 * 127.0.0.1. The key is held in memory only: this is a development tool, not the product.
 */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** An error whose message is already the one sentence to print. */
class StartProblem extends Error {}

async function main(): Promise<void> {
  const chosen = portFromArgs(process.argv);
  if ('error' in chosen) throw new StartProblem(chosen.error);
  const root = resolve(import.meta.dirname, '../..');
  const dataDir = resolve(arg('data', join(root, '.data', 'dev-web')));
  const downloadsDir = join(dataDir, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  const token = newToken();
  let origin = '';
  const services = await createAppServices(
    harnessServiceOptions({
      dataDir,
      downloadsDir,
      version: process.env.npm_package_version ?? '0.0.0',
      link: () => ({ origin, token }),
    }),
  );
  let harness: Harness;
  try {
    harness = await startHarness({
      services,
      rendererDir: join(root, 'out', 'renderer'),
      downloadsDir,
      port: chosen.port,
      token,
      log: services.log,
    });
  } catch (err) {
    // The journal was opened: close it properly before leaving.
    await services.stop();
    const problem = listenProblem(err, chosen.port);
    throw problem ? new StartProblem(problem) : err;
  }
  origin = harness.origin;
  const mode = services.settings.view().mode;
  process.stdout.write(
    [
      `Pakasir POS (browser) is running: ${mode === 'demo' ? 'DEMO MODE, no real money' : mode}`,
      `  cashier window:   ${harness.cashierUrl}`,
      `  customer display: ${harness.customerUrl}`,
      `  data folder:      ${dataDir}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = async () => {
    await harness.close();
    await services.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  // A StartProblem or a PosError (a second copy, a read-only folder) is already one sentence for a person.
  const plain = err instanceof StartProblem || err instanceof PosError;
  process.stderr.write(plain ? `${message}\n` : `The app could not start: ${message}\n`);
  process.exit(1);
});
