import type { SyncStatusView } from '@shared/domain';
import type { PaymentHint, RejectedEvent } from '@shared/sync/protocol';
import type { Handlers } from '../api/dispatch';
import type { EventBus } from '../events/event-bus';
import type { SafeStorageLike } from '../settings/safe-storage-like';
import { SyncOutbox } from './outbox';
import { PushChannel } from './push-channel';
import { ShopServerLinkStore } from './shop-server-link';
import { SyncClient, type SyncClientLog, type SyncTuning } from './sync-client';
import { syncHandlers, type SyncCalls } from './sync-handlers';
import { StatusEmitter, syncStatusView } from './sync-status';

export { syncCallNames } from './sync-handlers';

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

export interface SyncService {
  handlers: Pick<Handlers, SyncCalls>;
  status(): SyncStatusView;
  /** Journal entries were written: push soon. */
  poke(): void;
  stop(): Promise<void>;
}

/** The link file, with the till token kept out of every log line whenever it is read or saved. */
function loggedLinks(opts: SyncServiceOptions) {
  const store = new ShopServerLinkStore({ dataDir: opts.dataDir, safeStorage: opts.safeStorage });
  return {
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
    unpairedNote: () => store.unpairedNote(),
    dismissUnpairedNote: () => store.dismissUnpairedNote(),
    /** This folder is a copy of a paired till: the copy must never push as the original. */
    unpairCopy(outbox: SyncOutbox, at: string): void {
      if (!opts.dataFolderCopied || !store.describe()) return;
      opts.log.warn('this data folder is a copy of a paired till: unpaired from the shop server', {
        tillId: store.describe()?.tillId ?? null,
      });
      store.clear({ copiedAt: at });
      outbox.resetServer();
    },
  };
}

function logRejected(log: SyncClientLog, rejected: RejectedEvent[]): void {
  log.warn('the shop server refused journal entries', {
    count: rejected.length,
    first: rejected[0] ? `${rejected[0].seq} ${rejected[0].kind}: ${rejected[0].code}` : null,
  });
}

/** Once an hour, pushed events older than their retention leave the outbox. */
function startPruning(outbox: SyncOutbox, now: () => number, log: SyncClientLog): ReturnType<typeof setInterval> {
  const prune = setInterval(() => {
    try {
      outbox.prune(now());
    } catch (err) {
      log.warn('outbox prune failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }, 3600_000);
  prune.unref();
  return prune;
}

type Links = ReturnType<typeof loggedLinks>;

/**
 * The server's push channel: a payment hint makes the engine check that sale now (the hint
 * itself is never trusted as paid); a refusal marks the till token the owner revoked.
 */
function openPushChannel(
  opts: SyncServiceOptions,
  links: Links,
  fetchFn: typeof fetch,
  emitStatus: () => void,
  revoked: (token: string | null) => void,
): PushChannel {
  return new PushChannel({
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
      if (error === 'revoked') revoked(links.get()?.token ?? null);
      opts.log.warn('the shop server refused this till', { error });
      emitStatus();
    },
    log: opts.log,
    fetch: fetchFn,
    ...(opts.tuning?.pushSilenceMs ? { silenceMs: opts.tuning.pushSilenceMs } : {}),
    ...(opts.tuning?.pushBackoffFirstMs ? { backoffFirstMs: opts.tuning.pushBackoffFirstMs } : {}),
  });
}

/**
 * The till's link to its shop server: the outbox pusher and the push channel, started in
 * the background when the till is paired. Nothing here is on a sale's path: a sale is
 * journaled (with its outbox row) and the counter moves on whatever the server is doing.
 */
export function createSyncService(opts: SyncServiceOptions): SyncService {
  const now = opts.now ?? Date.now;
  const fetchFn = opts.fetch ?? fetch;
  const links = loggedLinks(opts);
  const outbox = new SyncOutbox(opts.journalFile, opts.nativeBinding);
  links.unpairCopy(outbox, new Date(now()).toISOString());
  /** The till token the push channel saw refused (the owner revoked this till). */
  let refusedToken: string | null = null;
  let statusSeq = 0;
  const status = (): SyncStatusView =>
    syncStatusView(
      {
        links,
        client,
        channel,
        outbox,
        refusedToken: () => refusedToken,
        unpairedCopy: () => links.unpairedNote() !== null,
      },
      (statusSeq += 1),
    );
  // The owner notice is the cashier window's banner, driven by these status events: it
  // stays until the refused entries are acknowledged or the till is paired again.
  const emitter = new StatusEmitter(now, status, (view) => opts.bus.emit('syncStatusChanged', view));
  const emitStatus = emitter.changed;

  const client = new SyncClient({
    outbox,
    link: () => links.get(),
    onChange: emitStatus,
    onRejected: (rejected) => logRejected(opts.log, rejected),
    log: opts.log,
    now,
    fetch: fetchFn,
    ...(opts.tuning ? { tuning: opts.tuning } : {}),
  });

  const channel = openPushChannel(opts, links, fetchFn, emitStatus, (token) => {
    refusedToken = token;
  });

  const handlers = syncHandlers({
    links,
    outbox,
    fetch: fetchFn,
    now,
    settings: opts.settings,
    log: opts.log,
    status,
    relink: () => {
      client.relink();
      channel.relink();
      refusedToken = null;
      emitStatus();
    },
    setPushChannel: (up) => opts.payments.setPushChannel(up),
    statusChanged: emitStatus,
    installId: opts.installId,
    dismissUnpairedNote: () => links.dismissUnpairedNote(),
  });

  client.start();
  channel.start();
  const prune = startPruning(outbox, now, opts.log);

  return {
    handlers,
    status,
    poke: () => client.poke(),
    async stop() {
      clearInterval(prune);
      emitter.stop();
      await Promise.all([client.stop(), channel.stop()]);
      opts.payments.setPushChannel(false);
      outbox.close();
    },
  };
}
