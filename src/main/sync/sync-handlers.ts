import type { SyncStatusView } from '@shared/domain';
import { PosError } from '@shared/errors';
import { orderIdOwnerKey } from '@shared/sync/order-owner';
import type { Handlers } from '../api/dispatch';
import { makeOrderId } from '../orders/order-id';
import type { SyncOutbox } from './outbox';
import { pairWithServer } from './pair-with-server';
import { normalizeShopServerUrl } from './server-url';
import type { ShopServerLinkStore } from './shop-server-link';

export const syncCallNames = [
  'getSyncStatus',
  'pairShopServer',
  'unpairShopServer',
  'acknowledgeSyncRejections',
] as const satisfies readonly (keyof Handlers)[];
export type SyncCalls = (typeof syncCallNames)[number];

export interface SyncHandlerDeps {
  links: Pick<ShopServerLinkStore, 'save' | 'describe' | 'clear'>;
  outbox: SyncOutbox;
  fetch: typeof fetch;
  now: () => number;
  settings: () => { acceptInsecureStorage: boolean; terminalPrefix: string };
  log: { info(message: string, fields?: Record<string, unknown>): void };
  status(): SyncStatusView;
  /** The link changed: the pusher and the push channel start over, the banner updates. */
  relink(): void;
  setPushChannel(up: boolean): void;
  statusChanged(): void;
  /** This installation's id: part of every order id, so part of the key the server files them under. */
  installId: string | undefined;
  /** "Seen" on the banner also clears the note that a copied folder was unpaired. */
  dismissUnpairedNote(): void;
}

/**
 * What the server files this till's order ids under (orderIdOwnerKey): the prefix and the
 * install id, as in the ids themselves, so a webhook for a sale the server has not seen yet
 * still finds this till, and two tills sharing a prefix are never mistaken for each other.
 */
function ownerKeyOf(terminalPrefix: string, installId: string | undefined, now: number): string {
  if (!installId) return terminalPrefix;
  try {
    return orderIdOwnerKey(makeOrderId(terminalPrefix, installId, 1, new Date(now))) ?? terminalPrefix;
  } catch {
    return terminalPrefix;
  }
}

/** The owner's sync calls: pair with a shop server, unpair, acknowledge refused entries. */
export function syncHandlers(d: SyncHandlerDeps): Pick<Handlers, SyncCalls> {
  const at = () => new Date(d.now()).toISOString();
  return {
    getSyncStatus: () => d.status(),
    pairShopServer: async ({ serverUrl, code, tillName }) => {
      const url = normalizeShopServerUrl(serverUrl);
      const settings = d.settings();
      const answer = await pairWithServer(d.fetch, {
        serverUrl: url,
        code,
        tillName,
        orderPrefix: ownerKeyOf(settings.terminalPrefix, d.installId, d.now()),
        firstSeq: d.outbox.firstKeptSeq() ?? d.outbox.lastSeq() + 1,
      });
      d.links.save(
        { url, tillId: answer.tillId, tillName: answer.tillName, token: answer.token },
        { acceptInsecure: settings.acceptInsecureStorage, at: at() },
      );
      // A new till on the server: its stream starts where this journal's outbox starts.
      d.outbox.recordAnswer(answer.hwm, [], at());
      d.log.info('paired with the shop server', { url, tillId: answer.tillId });
      d.relink();
      return d.status();
    },
    unpairShopServer: () => {
      if (!d.links.describe()) throw new PosError('illegal_state', 'This till is not paired with a shop server.');
      d.links.clear();
      d.outbox.resetServer();
      d.relink();
      d.setPushChannel(false);
      return d.status();
    },
    acknowledgeSyncRejections: () => {
      d.outbox.acknowledgeRejections(at());
      d.dismissUnpairedNote();
      d.statusChanged();
      return d.status();
    },
  };
}
