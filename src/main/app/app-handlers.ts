import type { StorageHealth } from '@shared/domain';
import { COUNTER_CALL_NAMES } from '@shared/contract/counter-calls';
import { ITEM_CALL_NAMES } from '@shared/contract/item-calls';
import { PosError } from '@shared/errors';
import type { Handlers } from '../api/dispatch';
import type { DisplayMedia } from '../display/display-media';
import type { BusinessCalendar } from '../orders/business-day';
import type { SettingsService } from '../settings/settings-service';
import { syncCallNames } from '../sync/sync-service';
import { planWithSettings, type Gateways } from './gateway-context';
import type { JournalKeeper } from './journal-keeper';
import type { accessHandlers } from './owner-guard';
import { ownerCallNames } from './owner-tools';
import { printingCallNames } from './printing-tools';
import type { AppServicesOptions } from './service-types';
import { counterSaleCalls, forwardCalls } from './session-calls';

export interface AppHandlerDeps {
  options: AppServicesOptions;
  settings: SettingsService;
  gateways: Gateways;
  keeper: JournalKeeper;
  calendar: BusinessCalendar;
  displayMedia: DisplayMedia;
  people: ReturnType<typeof accessHandlers>;
  storageHealth: () => StorageHealth;
}

/**
 * Every call of the contract, before the owner guard: the app's own calls here, the journal
 * session's forwarded to whichever session is open when the call runs. Typed as Handlers, so
 * a contract call nobody answers does not compile.
 */
export function appHandlers(deps: AppHandlerDeps): Handlers {
  const { keeper, displayMedia, people } = deps;
  const need = () => keeper.need();
  const { view: _view, ...accessCalls } = people;
  return {
    ...appCalls(deps),
    ...settingsCalls(deps),
    ...saleCalls(deps),
    ...forwardCalls(ownerCallNames, () => need().owner),
    ...forwardCalls(printingCallNames, () => need().printingHandlers),
    ...forwardCalls(syncCallNames, () => need().sync.handlers),
    ...forwardCalls(ITEM_CALL_NAMES, () => need().items.handlers),
    ...forwardCalls(COUNTER_CALL_NAMES, () => need().counter.handlers),
    ...counterSaleCalls(keeper),
    ...accessCalls,
    getDisplayMedia: () => displayMedia.view(),
    addDisplayImage: ({ slot, data }) => displayMedia.add(slot, data),
    removeDisplayImage: ({ id }) => displayMedia.remove(id),
    getJournalStatus: () => keeper.guard.status(),
    recoverJournal: (input) => keeper.recover(input),
  };
}

/** What the app is and where it stands: version, shell, connectivity, storage, business day. */
function appCalls({ options, settings, keeper, calendar, storageHealth }: AppHandlerDeps) {
  return {
    getAppInfo: () => ({
      version: options.version,
      mode: settings.view().mode,
      shell: options.shell,
      platform: process.platform,
      dataDir: options.dataDir,
      installId: keeper.install.installId,
      installIdRenewed: keeper.install.renewed,
    }),
    listDisplays: () => options.listDisplays(),
    getActiveSale: () => keeper.current?.payments.getActiveSale() ?? null,
    getConnectivity: () =>
      keeper.current?.payments.getConnectivity() ?? { state: 'online', lastOkAt: null, detail: null },
    getStorageHealth: () => storageHealth(),
    getBusinessDay: ({ day }) => (day ? calendar.day(day) : calendar.today()),
  } satisfies Partial<Handlers>;
}

/** Touch one gateway sale the engine already holds. */
function saleCalls({ keeper, gateways }: AppHandlerDeps) {
  const need = () => keeper.need();
  return {
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
  } satisfies Partial<Handlers>;
}

/** Settings, and the changes of project, key or address that no open sale may straddle. */
function settingsCalls({ settings, gateways, keeper }: AppHandlerDeps) {
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
  return {
    getSettings: () => settings.view(),
    updateSettings: (patch) => {
      const view = settings.view();
      const changes =
        (patch.projectSlug !== undefined && patch.projectSlug !== view.projectSlug) ||
        (patch.apiVersion !== undefined && patch.apiVersion !== view.apiVersion) ||
        (patch.baseUrl !== undefined && patch.baseUrl !== view.baseUrl) ||
        (patch.sandbox !== undefined && patch.sandbox !== view.sandbox);
      if (changes) noOpenSale();
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
  } satisfies Partial<Handlers>;
}
