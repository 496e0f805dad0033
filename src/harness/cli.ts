import { join, resolve } from 'node:path';
import { PosError } from '@shared/errors';
import { listenProblem, portFromArgs } from './cli-port';
import { assembleHarness, type AssembledHarness } from './assemble';

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
  let assembled: AssembledHarness;
  try {
    assembled = await assembleHarness({
      dataDir,
      version: process.env.npm_package_version ?? '0.0.0',
      rendererDir: join(root, 'out', 'renderer'),
      port: chosen.port,
    });
  } catch (err) {
    // Only the server's listen names the port; a folder the app cannot write is another story.
    const listening = (err as { syscall?: unknown } | null)?.syscall === 'listen';
    const problem = listening ? listenProblem(err, chosen.port) : null;
    throw problem ? new StartProblem(problem) : err;
  }
  const { services, harness } = assembled;
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
    await assembled.close();
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
