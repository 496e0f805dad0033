import type { SyncStatusView } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { PaymentHint, RejectedEvent } from '@shared/sync/protocol';
import type { Handlers } from '../api/dispatch';
import type { EventBus } from '../events/event-bus';
import type { SafeStorageLike } from '../settings/safe-storage-like';
import { orderIdOwnerKey } from '@shared/sync/order-owner';
import { makeOrderId } from '../orders/order-id';
import { SyncOutbox } from './outbox';
import { pairWithServer } from './pair-with-server';
import { PushChannel } from './push-channel';
import { normalizeShopServerUrl } from './server-url';
import { ShopServerLinkStore } from './shop-server-link';
import { SyncClient, type SyncClientLog, type SyncTuning } from './sync-client';

/** What sync needs from the payment engine: two hooks, nothing else. */
export interface PaymentHints {
  paymentHint(orderId: string): boolean;
  setPushChannel(up: boolean): void;
}

export interface SyncServiceOptions {
  dataDir: string;
  journalFile: string;
  /** The better-sqlite3 build the journal uses (Electron's own in the app; none in Node). */
  nativeBinding?: string | undefined;
  bus: EventBus;
  payments: PaymentHints;
  safeStorage: SafeStorageLike;
  /** Read at pairing time: the owner's consent to an unprotected key store, and the order-id prefix. */
  settings: () => { acceptInsecureStorage: boolean; terminalPrefix: string };
  /** addSecret, when present, keeps the till token out of every log line. */
  log: SyncClientLog & { addSecret?(value: string): void };
  /**
   * This start found the data folder copied from another folder or computer (its install id
   * was renewed, reason 'copied'): a pairing found here belongs to the original till, and the
   * copy must never send as that till. It is dropped before anything is sent.
   */
  dataFolderCopied?: boolean;
  /** This installation's id: with the terminal prefix, the owner key of every order id it issues. */
  installId?: string;
  now?: () => number;
  fetch?: typeof fetch;
  tuning?: Partial<SyncTuning> & { pushSilenceMs?: number; pushBackoffFirstMs?: number };
}

export const syncCallNames = [
  'getSyncStatus',
  'pairShopServer',
  'unpairShopServer',
  'acknowledgeSyncRejections',
] as const satisfies readonly (keyof Handlers)[];
type SyncCalls = (typeof syncCallNames)[number];

export interface SyncService {
  handlers: Pick<Handlers, SyncCalls>;
  status(): SyncStatusView;
  /** Journal entries were written: push soon. */
  poke(): void;
  stop(): Promise<void>;
}

/** Status events at most this often while catching up; state changes go out at once. */
const STATUS_EVERY_MS = 500;

/**
 * The till's link to its shop server: the outbox pusher and the push channel, started in
 * the background when the till is paired. Nothing here is on a sale's path: a sale is
 * journaled (with its outbox row) and the counter moves on whatever the server is doing.
 */
export function createSyncService(opts: SyncServiceOptions): SyncService {
  const now = opts.now ?? Date.now;
  const fetchFn = opts.fetch ?? fetch;
  const store = new ShopServerLinkStore({ dataDir: opts.dataDir, safeStorage: opts.safeStorage });
  const links = {
    get: () => {
      const link = store.get();
      if (link) opts.log.addSecret?.(link.token);
      return link;
    },
    describe: () => store.describe(),
    save: (...args: Parameters<ShopServerLinkStore['save']>) => {
      opts.log.addSecret?.(args[0].token);
      store.save(...args);
    },
    clear: () => store.clear(),
  };
  const outbox = new SyncOutbox(opts.journalFile, opts.nativeBinding);
  if (opts.dataFolderCopied && store.describe()) {
    opts.log.warn('this data folder is a copy of a paired till: unpaired from the shop server', {
      tillId: store.describe()?.tillId ?? null,
    });
    store.clear({ copiedAt: new Date(now()).toISOString() });
    outbox.resetServer();
  }
  /** The till token the push channel saw refused (the owner revoked this till). */
  let refusedToken: string | null = null;

  let lastEmit = 0;
  let lastState = '';
  let pendingEmit: ReturnType<typeof setTimeout> | null = null;
  // The owner notice is the cashier window's banner, driven by these status events: it
  // stays until the refused entries are acknowledged or the till is paired again.
  const emitStatus = () => {
    const view = status();
    const stateKey = `${view.state}|${view.pushChannel}|${view.rejected.length}|${view.detail ?? ''}`;
    const due = now() - lastEmit >= STATUS_EVERY_MS;
    if (stateKey !== lastState || due) {
      lastState = stateKey;
      lastEmit = now();
      opts.bus.emit('syncStatusChanged', view);
    } else if (!pendingEmit) {
      pendingEmit = setTimeout(() => {
        pendingEmit = null;
        emitStatus();
      }, STATUS_EVERY_MS);
      pendingEmit.unref?.();
    }
  };

  const onRejected = (rejected: RejectedEvent[]) => {
    opts.log.warn('the shop server refused journal entries', {
      count: rejected.length,
      first: rejected[0] ? `${rejected[0].seq} ${rejected[0].kind}: ${rejected[0].code}` : null,
    });
  };

  const client = new SyncClient({
    outbox,
    link: () => links.get(),
    onChange: emitStatus,
    onRejected,
    log: opts.log,
    now,
    fetch: fetchFn,
    ...(opts.tuning ? { tuning: opts.tuning } : {}),
  });

  const channel = new PushChannel({
    link: () => links.get(),
    onHint: (hint: PaymentHint) => {
      if (hint.status !== 'completed') return;
      const checking = opts.payments.paymentHint(hint.orderId);
      opts.log.info('payment hint from the shop server', { orderId: hint.orderId, checking });
    },
    onUp: (up) => {
      opts.payments.setPushChannel(up);
      emitStatus();
    },
    onRefused: (error) => {
      if (error === 'revoked') refusedToken = links.get()?.token ?? null;
      opts.log.warn('the shop server refused this till', { error });
      emitStatus();
    },
    log: opts.log,
    fetch: fetchFn,
    ...(opts.tuning?.pushSilenceMs ? { silenceMs: opts.tuning.pushSilenceMs } : {}),
    ...(opts.tuning?.pushBackoffFirstMs ? { backoffFirstMs: opts.tuning.pushBackoffFirstMs } : {}),
  });

  /**
   * What the server files this till's order ids under (orderIdOwnerKey): the prefix and the
   * install id, as in the ids themselves, so a webhook for a sale the server has not seen yet
   * still finds this till, and two tills sharing a prefix are never mistaken for each other.
   */
  const ownerKeyOf = (terminalPrefix: string): string => {
    if (!opts.installId) return terminalPrefix;
    try {
      return orderIdOwnerKey(makeOrderId(terminalPrefix, opts.installId, 1, new Date(now()))) ?? terminalPrefix;
    } catch {
      return terminalPrefix;
    }
  };

  let statusSeq = 0;
  function status(): SyncStatusView {
    statusSeq += 1;
    const described = links.describe();
    const link = links.get();
    const refused = link !== null && link.token === refusedToken;
    const state: SyncStatusView['state'] = !described
      ? store.unpairedNote()
        ? 'unpaired_copy'
        : 'off'
      : !link
        ? 'needs_pairing'
        : refused
          ? 'revoked'
          : client.state === 'off'
            ? 'sending'
            : client.state;
    return {
      seq: statusSeq,
      state,
      serverUrl: described?.url ?? null,
      tillName: described?.tillName ?? null,
      tillId: described?.tillId ?? null,
      pending: outbox.pending(),
      lastSyncedAt: client.lastSyncedAt,
      pushChannel: !link ? 'off' : channel.up ? 'up' : 'down',
      rejected: outbox.openRejections(),
      detail: client.detail,
    };
  }

  const relink = () => {
    client.relink();
    channel.relink();
    refusedToken = null;
    emitStatus();
  };

  const handlers: SyncService['handlers'] = {
    getSyncStatus: () => status(),
    pairShopServer: async ({ serverUrl, code, tillName }) => {
      const url = normalizeShopServerUrl(serverUrl);
      const settings = opts.settings();
      const answer = await pairWithServer(fetchFn, {
        serverUrl: url,
        code,
        tillName,
        orderPrefix: ownerKeyOf(settings.terminalPrefix),
        firstSeq: outbox.firstKeptSeq() ?? outbox.lastSeq() + 1,
      });
      links.save(
        { url, tillId: answer.tillId, tillName: answer.tillName, token: answer.token },
        { acceptInsecure: settings.acceptInsecureStorage, at: new Date(now()).toISOString() },
      );
      // A new till on the server: its stream starts where this journal's outbox starts.
      outbox.recordAnswer(answer.hwm, [], new Date(now()).toISOString());
      opts.log.info('paired with the shop server', { url, tillId: answer.tillId });
      relink();
      return status();
    },
    unpairShopServer: () => {
      if (!links.describe()) throw new PosError('illegal_state', 'This till is not paired with a shop server.');
      links.clear();
      outbox.resetServer();
      relink();
      opts.payments.setPushChannel(false);
      return status();
    },
    acknowledgeSyncRejections: () => {
      outbox.acknowledgeRejections(new Date(now()).toISOString());
      // "Seen" covers the note that a copied folder was unpaired too: both are owner notices.
      store.dismissUnpairedNote();
      emitStatus();
      return status();
    },
  };

  client.start();
  channel.start();
  const prune = setInterval(() => {
    try {
      outbox.prune(now());
    } catch (err) {
      opts.log.warn('outbox prune failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }, 3600_000);
  prune.unref();

  return {
    handlers,
    status,
    poke: () => client.poke(),
    async stop() {
      clearInterval(prune);
      if (pendingEmit) clearTimeout(pendingEmit);
      await Promise.all([client.stop(), channel.stop()]);
      opts.payments.setPushChannel(false);
      outbox.close();
    },
  };
}
