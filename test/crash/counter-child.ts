/**
 * A counter with a cash drawer, as a separate process the crash test kills with SIGKILL:
 * the app's own services on a data folder (demo mode), through dispatch as a window calls
 * them. On every start it picks up where the journal says it is: sets up the owner and the
 * cashier if missing, opens the shift if none, sells the plan's cash sales one at a time
 * (each tagged in its note, sold only if the journal has no sale with that tag), then closes
 * the shift with the counted cash.
 *
 * argv[2]: a JSON file holding its CounterChildConfig. Prints `ready`, `closing` just before
 * the close, and `done`.
 */
import { readFileSync } from 'node:fs';
import { dispatch } from '../../src/main/api/dispatch';
import { createAppServices } from '../../src/main/app/create-services';
import type { AppServices } from '../../src/main/app/service-types';
import { memorySafeStorage } from '../../src/main/settings/secret-store';
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract/api';

export interface CounterChildConfig {
  dataDir: string;
  plan: { amount: number; tendered: number }[];
  openingCash: number;
  /** counted = expected + this (negative: the drawer is short). */
  countedOffset: number;
  /** This run's wall clock starts here (ISO): the test never depends on the machine's hour. */
  startAt: string;
}
export const OWNER = { name: 'Bu Sari', pin: '482916' };
export const CASHIER = { name: 'Budi', pin: '582047' };
export const tag = (i: number) => `plan:${i};`;

const cfg = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CounterChildConfig;

async function call<K extends CallName>(app: AppServices, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const envelope = await dispatch(app.handlers, name, input);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as CallOutput<K>;
}

const start = Date.parse(cfg.startAt);
const started = performance.now();

async function main(): Promise<void> {
  const app = await createAppServices({
    dataDir: cfg.dataDir,
    shell: 'browser',
    safeStorage: memorySafeStorage(),
    version: 'crash',
    quiet: true,
    timeZone: 'Asia/Jakarta',
    clock: () => new Date(start + (performance.now() - started)),
    listDisplays: () => [],
    exportSink: { choosePath: async () => null, describe: () => ({ name: '', bytes: 0 }) },
  });
  process.stdout.write('ready\n');
  let access = await call(app, 'getAccess', {});
  if (!access.ownerPinSet) access = await call(app, 'setOwnerPin', OWNER);
  let cashier = access.staff.find((s) => s.name === CASHIER.name);
  if (!cashier) {
    if (!access.ownerUnlocked) await call(app, 'unlockOwner', { pin: OWNER.pin });
    cashier = (await call(app, 'addCashier', CASHIER)).staff.find((s) => s.name === CASHIER.name)!;
  }
  let counter = await call(app, 'getCounter', {});
  const today = (await call(app, 'getBusinessDay', {})).day;
  const shiftsToday = (await call(app, 'getZReport', { day: today })).shifts;
  // One shift in this test: once it was closed, the work is done.
  if (!counter.shift && shiftsToday.length === 0) {
    await call(app, 'openShift', { staffId: cashier.staffId, pin: CASHIER.pin, openingCash: cfg.openingCash });
    counter = await call(app, 'getCounter', {});
  }
  if (counter.shift) {
    for (let i = 0; i < cfg.plan.length; i++) {
      if (app.store.list({ search: tag(i) }, 5).items.length > 0) continue;
      const item = cfg.plan[i]!;
      await call(app, 'sellCash', { amount: item.amount, tendered: item.tendered, note: tag(i) });
    }
    const shift = (await call(app, 'getCounter', {})).shift!;
    process.stdout.write('closing\n');
    await call(app, 'closeShift', { shiftId: shift.shiftId, countedCash: shift.drawer.expected + cfg.countedOffset });
  }
  await app.stop();
  process.stdout.write('done\n');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
