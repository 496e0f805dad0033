import { mkdirSync } from 'node:fs';
import type { StorageHealth } from '@shared/domain';
import { DisplayMedia } from '../display/display-media';
import type { Logger } from '../log/logger';
import { createBusinessCalendar } from '../orders/business-day';
import { machineTimeZone } from '../orders/local-time';
import { SettingsService } from '../settings/settings-service';
import { EventBus } from '../events/event-bus';
import type { AppServices, AppServicesOptions } from './service-types';
import { appHandlers } from './app-handlers';
import { watchBusinessDay } from './business-day-watch';
import { installIdentity, startLogger, takeFolder, type FolderAccess } from './folder-access';
import { createGateways, DEMO_SLUG, type Gateways } from './gateway-context';
import { JournalKeeper, type KeeperDeps } from './journal-keeper';
import { OwnerAccess } from '../counter/owner-access';
import { accessHandlers, guardOwnerCalls } from './owner-guard';

/**
 * Builds every service from a data folder. Called by the Electron main process and by the
 * browser harness alike, so both run exactly the same code; only the Electron-specific
 * pieces (safeStorage, displays, the save dialog) come in through the options.
 */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  mkdirSync(options.dataDir, { recursive: true });
  // First of all: one copy of the app per data folder, whichever shell it runs in. A second
  // copy would poll the same sales (twice the rate limit) and write the same journal.
  const access = takeFolder(options);
  try {
    return await createWithFolder(options, access);
  } catch (err) {
    access.held?.release();
    throw err;
  }
}

/** What every later step is built on: nothing here touches the journal or the network. */
type AppCore = Omit<KeeperDeps, 'gateways' | 'owner'> & { displayMedia: DisplayMedia };

async function createWithFolder(options: AppServicesOptions, access: FolderAccess): Promise<AppServices> {
  const core = openCore(options, access);
  const { settings, bus, log, calendar } = core;
  const gateways = createGateways({ settings, log, clock: core.clock, options });
  const storageHealth = watchStorageHealth(bus, log);
  const { owner, keeper, people } = createJournalKeeper(core, gateways);

  // Demo mode needs its simulator before the first sale, and recovery may need it now; a
  // shop with its own project never starts it (no server, no port) unless it returns to demo.
  await gateways.demoIfNeeded(settings.view());
  keeper.open();

  settings.onChange((view) => bus.emit('settingsChanged', view));
  const dayWatch = watchBusinessDay(calendar, bus);
  settings.onChange(() => dayWatch.check());

  const handlers = guardOwnerCalls(
    appHandlers({
      options,
      settings,
      gateways,
      keeper,
      calendar,
      displayMedia: core.displayMedia,
      people,
      storageHealth,
    }),
    owner,
    log,
  );
  const need = () => keeper.need();
  return {
    handlers,
    bus,
    get payments() {
      return need().payments;
    },
    get store() {
      return need().store;
    },
    get printing() {
      return need().printing;
    },
    journal: keeper.guard,
    settings,
    log,
    demoSimulator: () => gateways.demo(),
    async stop() {
      dayWatch.stop();
      await keeper.stop();
      await gateways.close();
      access.held?.release();
    },
  };
}

/** The log, the event bus, settings, display media, the clocks, this install's id and the calendar. */
function openCore(options: AppServicesOptions, access: FolderAccess): AppCore {
  const log: Logger = options.logger ?? startLogger(options, access);
  const bus = new EventBus();
  const settings = new SettingsService({
    dataDir: options.dataDir,
    safeStorage: options.safeStorage,
    log,
    demoProjectSlug: DEMO_SLUG,
    keyInMemoryOnly: options.keyStorage === 'memory',
  });
  const displayMedia = new DisplayMedia(options.dataDir, log);
  displayMedia.onChange((index) => bus.emit('displayMediaChanged', index));
  const clock = options.clock ?? (() => new Date());
  const install = installIdentity(options, access, clock);
  if (install.renewed)
    log.warn('this data folder was copied from another till or folder: it now issues order ids with a new install id', {
      previous: install.renewed.previous,
      installId: install.installId,
    });
  const calendar = createBusinessCalendar({
    timeZone: options.timeZone ?? machineTimeZone(),
    cutoffHour: () => settings.view().businessDayCutoffHour,
    clock,
  });
  const mono = options.monotonic ?? (() => performance.now());
  return { options, access, bus, log, settings, displayMedia, clock, mono, install, calendar };
}

/** Whether the journal can be written now: its sessions report failed and succeeding writes. */
function watchStorageHealth(bus: EventBus, log: Logger): () => StorageHealth {
  let storageHealth: StorageHealth = { problem: null, since: null };
  bus.on('storageHealth', (health) => {
    storageHealth = health;
    if (health.problem) log.warn('the sales journal cannot be written', { problem: health.problem });
  });
  return () => storageHealth;
}

/** The owner's access and the keeper of the journal session (not opened yet). */
function createJournalKeeper(core: AppCore, gateways: Gateways) {
  // The owner's PIN lives beside the settings: it must work while the journal is closed.
  const owner = new OwnerAccess({
    dataDir: core.options.dataDir,
    wall: core.clock,
    mono: core.mono,
    onChange: () => core.bus.emit('accessChanged', people.view()),
  });
  const { displayMedia: _displayMedia, ...deps } = core;
  const keeper = new JournalKeeper({ ...deps, gateways, owner });
  const people = accessHandlers(owner, () => keeper.current?.counter.people ?? null);
  return { owner, keeper, people };
}
