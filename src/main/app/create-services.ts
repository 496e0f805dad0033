import { mkdirSync } from 'node:fs';
import type { StorageHealth } from '@shared/domain';
import { PosError } from '@shared/errors';
import { DisplayMedia } from '../display/display-media';
import type { Logger } from '../log/logger';
import { createBusinessCalendar } from '../orders/business-day';
import { machineTimeZone } from '../orders/local-time';
import { SettingsService } from '../settings/settings-service';
import type { Handlers } from '../api/dispatch';
import { EventBus } from '../events/event-bus';
import type { AppServices, AppServicesOptions } from './service-types';
import { watchBusinessDay } from './business-day-watch';
import { installIdentity, startLogger, takeFolder, type FolderAccess } from './folder-access';
import { createGateways, DEMO_SLUG, planWithSettings } from './gateway-context';
import { JournalKeeper } from './journal-keeper';
import { itemCallNames } from './item-tools';
import { ownerCallNames } from './owner-tools';
import { printingCallNames } from './printing-tools';
import { syncCallNames } from '../sync/sync-service';
import { OwnerAccess } from '../counter/owner-access';
import { counterCallNames } from './counter-handlers';
import { counterSaleCalls, forwardCalls } from './session-calls';
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

async function createWithFolder(options: AppServicesOptions, access: FolderAccess): Promise<AppServices> {
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
  const gateways = createGateways({ settings, log, clock, options });
  // Whether the journal can be written now: its sessions report failed and succeeding writes.
  let storageHealth: StorageHealth = { problem: null, since: null };
  bus.on('storageHealth', (health) => {
    storageHealth = health;
    if (health.problem) log.warn('the sales journal cannot be written', { problem: health.problem });
  });
  const mono = options.monotonic ?? (() => performance.now());
  // The owner's PIN lives beside the settings: it must work while the journal is closed.
  const owner = new OwnerAccess({
    dataDir: options.dataDir,
    wall: clock,
    mono,
    onChange: () => bus.emit('accessChanged', people.view()),
  });
  const keeper = new JournalKeeper({
    options,
    access,
    bus,
    log,
    settings,
    gateways,
    calendar,
    clock,
    mono,
    install,
    owner,
  });
  const people = accessHandlers(owner, () => keeper.current?.counter.people ?? null);
  const { view: _view, ...accessCalls } = people;
  const need = () => keeper.need();

  // Demo mode needs its simulator before the first sale, and recovery may need it now; a
  // shop with its own project never starts it (no server, no port) unless it returns to demo.
  await gateways.demoIfNeeded(settings.view());
  keeper.open();

  settings.onChange((view) => bus.emit('settingsChanged', view));
  const dayWatch = watchBusinessDay(calendar, bus);
  settings.onChange(() => dayWatch.check());

  /**
   * The project a sale was charged on must stay reachable until the sale ends: switching
   * project, host, API version, environment or key mid-sale would leave its QR payable
   * with nobody watching it.
   */
  const noOpenSale = (): void => {
    const open = keeper.current?.store.listLive() ?? [];
    if (open.length > 0)
      throw new PosError(
        'busy',
        `Finish or cancel the open sale ${open[0]!.orderId} before changing the project, key or environment.`,
      );
  };

  /** After a change of project, key or address: sales nobody can check any more go to review, named. */
  const afterSwitch = <T>(view: T): T => {
    keeper.current?.payments.checkReachable();
    return view;
  };

  const ownerHandlers = forwardCalls(ownerCallNames, () => need().owner);
  const printingHandlers = forwardCalls(printingCallNames, () => need().printingHandlers);
  const itemHandlers = forwardCalls(itemCallNames, () => need().items.handlers);
  const counterHandlers = forwardCalls(counterCallNames, () => need().counter.handlers);
  const syncHandlers = forwardCalls(syncCallNames, () => need().sync.handlers);

  const handlers: Handlers = guardOwnerCalls(
    {
      getAppInfo: () => ({
        version: options.version,
        mode: settings.view().mode,
        shell: options.shell,
        platform: process.platform,
        dataDir: options.dataDir,
        installId: keeper.install.installId,
        installIdRenewed: keeper.install.renewed,
      }),
      getSettings: () => settings.view(),
      updateSettings: (patch) => {
        if (
          patch.projectSlug !== undefined ||
          patch.apiVersion !== undefined ||
          patch.baseUrl !== undefined ||
          patch.sandbox !== undefined
        ) {
          const view = settings.view();
          const changes =
            (patch.projectSlug !== undefined && patch.projectSlug !== view.projectSlug) ||
            (patch.apiVersion !== undefined && patch.apiVersion !== view.apiVersion) ||
            (patch.baseUrl !== undefined && patch.baseUrl !== view.baseUrl) ||
            (patch.sandbox !== undefined && patch.sandbox !== view.sandbox);
          if (changes) noOpenSale();
        }
        return gateways.demoIfNeeded(settings.update(patch)).then(afterSwitch);
      },
      setApiKey: ({ apiKey }) => {
        noOpenSale();
        return afterSwitch(settings.setApiKey(apiKey));
      },
      setProject: ({ apiKey, ...project }) => {
        noOpenSale();
        return afterSwitch(settings.setProject(project, apiKey));
      },
      clearApiKey: () => {
        noOpenSale();
        return gateways.demoIfNeeded(settings.clearApiKey()).then(afterSwitch);
      },
      testConnection: () => gateways.testConnection(),
      listDisplays: () => options.listDisplays(),

      cancelSale: ({ orderId }) => need().payments.cancelSale(orderId),
      checkNow: ({ orderId }) => need().payments.checkNow(orderId),
      simulatePayment: ({ orderId }) => need().payments.simulatePayment(orderId),
      recreateSale: ({ orderId }) => {
        keeper.notPaused();
        return need().payments.recreateSale(orderId);
      },
      markProofShown: ({ orderId, note }) => need().payments.markProofShown(orderId, note),
      resolveReview: ({ orderId, resolution, note }) => need().payments.resolveReview(orderId, resolution, note),
      dismissSale: ({ orderId }) => need().payments.dismissSale(orderId),
      prepareCharge: async ({ amount, method }) => {
        // Only warms the fee answers the charge will ask for; any failure is the charge's to report.
        await planWithSettings(gateways, amount, method).catch(() => undefined);
        return null;
      },
      getActiveSale: () => keeper.current?.payments.getActiveSale() ?? null,
      getConnectivity: () =>
        keeper.current?.payments.getConnectivity() ?? { state: 'online', lastOkAt: null, detail: null },
      getStorageHealth: () => storageHealth,
      getBusinessDay: ({ day }) => (day ? calendar.day(day) : calendar.today()),

      ...ownerHandlers,
      ...printingHandlers,
      ...syncHandlers,
      ...itemHandlers,
      ...counterHandlers,
      ...counterSaleCalls(keeper),
      ...accessCalls,

      getDisplayMedia: () => displayMedia.view(),
      addDisplayImage: ({ slot, data }) => displayMedia.add(slot, data),
      removeDisplayImage: ({ id }) => displayMedia.remove(id),

      getJournalStatus: () => keeper.guard.status(),
      recoverJournal: (input) => keeper.recover(input),
    },
    owner,
    log,
  );

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
