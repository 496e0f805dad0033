import { create } from 'zustand';
import type {
  AppInfo,
  BusinessDayView,
  ConnectivityView,
  JobProgress,
  JournalStatus,
  Notice,
  OrderView,
  ReconcileResult,
  SettingsView,
  StorageHealth,
} from '@shared/domain';
import type { DisplayMediaView } from '@shared/display-media';
import { isFinal } from '@shared/order-state';
import { offAll, type PosApi } from '../api/pos-api';
import { useLanguage } from '../i18n';
import { newerJob } from '../lib/job-view';
import { newerOrder } from '../lib/sale-view';

/**
 * What main pushes, mirrored. The renderer decides nothing about money here: it keeps the
 * latest view of each thing main owns and a little UI state (which sale was dismissed).
 */
export interface PosState {
  settings: SettingsView | null;
  appInfo: AppInfo | null;
  connectivity: ConnectivityView;
  storage: StorageHealth;
  activeSale: OrderView | null;
  /** The finished sale the cashier already left with "new sale". */
  dismissedOrderId: string | null;
  /** The last sale main took off the counter, at the revision it had then (see saleAnswered). */
  endedSale: { orderId: string; revision: number } | null;
  notices: Notice[];
  jobs: Record<string, JobProgress>;
  reconcile: Record<string, ReconcileResult>;
  /** The owner's logo and promotion pictures for the customer display. */
  displayMedia: DisplayMediaView;
  /** Bumped on every orderUpdated so lists know to refresh. */
  orderRevision: number;
  lastOrderUpdate: OrderView | null;
  /** Which business day it is, as main says: the windows never work it out from their clock. */
  businessDay: BusinessDayView | null;
  /** The sales journal: open or not, its background check, backups (main decides). */
  journal: JournalStatus | null;

  setSettings(s: SettingsView): void;
  setAppInfo(a: AppInfo): void;
  setConnectivity(c: ConnectivityView): void;
  setStorage(h: StorageHealth): void;
  setActiveSale(o: OrderView | null): void;
  /**
   * A call's answer naming the counter's sale (charge, cash sale, recreate). Main's events
   * may overtake it: an answer about a sale main has since taken off the counter, at a
   * revision no newer than when it did, is old news and must not put that sale back.
   */
  saleAnswered(o: OrderView): void;
  orderUpdated(o: OrderView): void;
  dismissSale(orderId: string): void;
  addNotice(n: Notice): void;
  dismissNotice(id: string): void;
  jobProgress(j: JobProgress): void;
  reconcileFinished(r: ReconcileResult): void;
  setDisplayMedia(m: DisplayMediaView): void;
  setBusinessDay(d: BusinessDayView): void;
  setJournal(j: JournalStatus): void;
}

export const usePos = create<PosState>((set) => ({
  settings: null,
  appInfo: null,
  connectivity: { state: 'online', lastOkAt: null, detail: null },
  storage: { problem: null, since: null },
  activeSale: null,
  dismissedOrderId: null,
  endedSale: null,
  notices: [],
  jobs: {},
  reconcile: {},
  displayMedia: { logo: null, promos: [] },
  orderRevision: 0,
  lastOrderUpdate: null,
  businessDay: null,
  journal: null,

  setSettings: (settings) => {
    useLanguage.getState().setLang(settings.language);
    set({ settings });
  },
  setAppInfo: (appInfo) => set({ appInfo }),
  setConnectivity: (connectivity) => set({ connectivity }),
  setStorage: (storage) => set({ storage }),
  setActiveSale: (o) =>
    set((s) =>
      o
        ? { activeSale: newerOrder(s.activeSale, o) }
        : {
            activeSale: null,
            endedSale: s.activeSale ? { orderId: s.activeSale.orderId, revision: s.activeSale.revision } : s.endedSale,
          },
    ),
  saleAnswered: (o) =>
    set((s) =>
      s.endedSale?.orderId === o.orderId && o.revision <= s.endedSale.revision
        ? s
        : { activeSale: newerOrder(s.activeSale, o) },
    ),
  orderUpdated: (o) =>
    set((s) => ({
      activeSale: s.activeSale && s.activeSale.orderId === o.orderId ? newerOrder(s.activeSale, o) : s.activeSale,
      orderRevision: s.orderRevision + 1,
      lastOrderUpdate: o,
    })),
  dismissSale: (orderId) => set({ dismissedOrderId: orderId }),
  addNotice: (n) => set((s) => (s.notices.some((x) => x.id === n.id) ? s : { notices: [...s.notices, n] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  jobProgress: (j) => set((s) => ({ jobs: { ...s.jobs, [j.jobId]: newerJob(s.jobs[j.jobId], j) } })),
  reconcileFinished: (r) => set((s) => ({ reconcile: { ...s.reconcile, [r.day]: r } })),
  setDisplayMedia: (displayMedia) => set({ displayMedia }),
  setBusinessDay: (businessDay) => set({ businessDay }),
  setJournal: (journal) => set({ journal }),
}));

function loadDisplayMedia(api: PosApi): void {
  void api.getDisplayMedia({}).then(
    (m) => usePos.getState().setDisplayMedia(m),
    () => undefined,
  );
}

/** Main's counter sale, as the window finds it when it opens or when its link is back. */
function loadActiveSale(api: PosApi, reconnect: boolean): void {
  void api.getActiveSale({}).then(
    (o) => {
      const pos = usePos.getState();
      if (!o) {
        // Finished and put away while the link was down: the counter is free.
        if (reconnect && pos.activeSale) pos.setActiveSale(null);
        return;
      }
      // Main keeps the last sale as the counter's sale until the next one starts. A window
      // that opens (or reloads) after that sale finished starts at the keypad / welcome
      // screen instead of re-announcing an old outcome; one that was showing that very sale
      // when its link dropped shows how it ended.
      const shownHere = reconnect && pos.activeSale?.orderId === o.orderId;
      if (isFinal(o.state) && !shownHere) pos.dismissSale(o.orderId);
      pos.saleAnswered(o);
    },
    () => undefined,
  );
}

/**
 * Subscribes the store to every pushed event and loads the starting state, and loads it
 * again when the link to main is back after a drop. Returns an
 * unsubscribe for tests and hot reload.
 */
export function connectPosStore(api: PosApi): () => void {
  const s = usePos.getState();
  const offs = [
    api.on('settingsChanged', (v) => usePos.getState().setSettings(v)),
    api.on('connectivityChanged', (v) => usePos.getState().setConnectivity(v)),
    api.on('storageHealth', (v) => usePos.getState().setStorage(v)),
    api.on('activeSaleChanged', (v) => usePos.getState().setActiveSale(v)),
    api.on('orderUpdated', (v) => usePos.getState().orderUpdated(v)),
    api.on('notice', (v) => usePos.getState().addNotice(v)),
    api.on('jobProgress', (v) => usePos.getState().jobProgress(v)),
    api.on('reconcileFinished', (v) => usePos.getState().reconcileFinished(v)),
    // Only ids travel with the event; the pictures come with one call when they changed.
    api.on('displayMediaChanged', () => loadDisplayMedia(api)),
    api.on('businessDayChanged', (v) => usePos.getState().setBusinessDay(v)),
    api.on('journalStatusChanged', (v) => {
      usePos.getState().setJournal(v);
      // A restore or a new journal gives this till a new install id: show the new one.
      void api.getAppInfo({}).then(usePos.getState().setAppInfo, () => undefined);
    }),
  ];
  const load = (reconnect: boolean) => {
    loadDisplayMedia(api);
    void api.getSettings({}).then(s.setSettings, () => undefined);
    void api.getAppInfo({}).then(s.setAppInfo, () => undefined);
    void api.getConnectivity({}).then(s.setConnectivity, () => undefined);
    void api.getBusinessDay({}).then(s.setBusinessDay, () => undefined);
    void api.getJournalStatus({}).then(s.setJournal, () => undefined);
    void api.getStorageHealth({}).then(s.setStorage, () => undefined);
    loadActiveSale(api, reconnect);
  };
  load(false);
  offs.push(api.onReconnect(() => load(true)));
  return offAll(offs);
}
