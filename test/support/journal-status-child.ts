import { createAppServices } from '../../src/main/app/create-services';
import { memorySafeStorage } from '../../src/main/settings/secret-store';

/**
 * Starts the app's services on the data folder given as the first argument, prints the
 * journal status (or the start error) as one JSON line, and stops. Run as its own process,
 * possibly as another user, by tests about folders this process may not write.
 */
async function main(): Promise<void> {
  const dataDir = process.argv[2]!;
  try {
    const services = await createAppServices({
      dataDir,
      shell: 'browser',
      safeStorage: memorySafeStorage(),
      version: 'test',
      quiet: true,
      journalCheckAfterMs: 3_600_000,
      listDisplays: () => [],
      exportSink: { choosePath: async () => null, describe: () => ({ name: '', bytes: 0 }) },
    });
    let charge: unknown = null;
    try {
      await services.handlers.charge({ amount: 10_000, method: 'qris' });
    } catch (err) {
      charge = { code: (err as { code?: string }).code, message: (err as Error).message };
    }
    process.stdout.write(`${JSON.stringify({ status: services.journal.status(), charge })}\n`);
    await services.stop();
  } catch (err) {
    process.stdout.write(
      `${JSON.stringify({ error: { name: (err as Error).name, message: (err as Error).message } })}\n`,
    );
  }
}

void main();
