import type { SyncStatusView } from '@shared/domain';
import type { SyncOutbox } from './outbox';
import type { ShopServerLinkStore } from './shop-server-link';
import type { SyncClient } from './sync-client';

/** Status events at most this often while catching up; state changes go out at once. */
const STATUS_EVERY_MS = 500;

export interface StatusParts {
  links: { get(): { token: string } | null; describe: ShopServerLinkStore['describe'] };
  client: Pick<SyncClient, 'state' | 'lastSyncedAt' | 'detail'>;
  channel: { readonly up: boolean };
  outbox: Pick<SyncOutbox, 'pending' | 'openRejections'>;
  /** The till token the push channel saw refused (the owner revoked this till). */
  refusedToken(): string | null;
  /** This data folder was found to be a copy of a paired till and was unpaired: the owner is told. */
  unpairedCopy(): boolean;
}

/** What the cashier window's sync banner and the settings panel show, from the parts' state. */
export function syncStatusView(parts: StatusParts, seq: number): SyncStatusView {
  const described = parts.links.describe();
  const link = parts.links.get();
  const refused = link !== null && link.token === parts.refusedToken();
  const state: SyncStatusView['state'] = !described
    ? parts.unpairedCopy()
      ? 'unpaired_copy'
      : 'off'
    : !link
      ? 'needs_pairing'
      : refused
        ? 'revoked'
        : parts.client.state === 'off'
          ? 'sending'
          : parts.client.state;
  return {
    seq,
    state,
    serverUrl: described?.url ?? null,
    tillName: described?.tillName ?? null,
    tillId: described?.tillId ?? null,
    pending: parts.outbox.pending(),
    lastSyncedAt: parts.client.lastSyncedAt,
    pushChannel: !link ? 'off' : parts.channel.up ? 'up' : 'down',
    rejected: parts.outbox.openRejections(),
    detail: parts.client.detail,
  };
}

/**
 * Sends status events: a change of state at once, progress while catching up at most every
 * STATUS_EVERY_MS (with one trailing event, so the last count is always shown).
 */
export class StatusEmitter {
  private lastEmit = 0;
  private lastState = '';
  private pending: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly now: () => number,
    private readonly status: () => SyncStatusView,
    private readonly emit: (view: SyncStatusView) => void,
  ) {}

  readonly changed = (): void => {
    const view = this.status();
    const stateKey = `${view.state}|${view.pushChannel}|${view.rejected.length}|${view.detail ?? ''}`;
    const due = this.now() - this.lastEmit >= STATUS_EVERY_MS;
    if (stateKey !== this.lastState || due) {
      this.lastState = stateKey;
      this.lastEmit = this.now();
      this.emit(view);
    } else if (!this.pending) {
      this.pending = setTimeout(() => {
        this.pending = null;
        this.changed();
      }, STATUS_EVERY_MS);
      this.pending.unref?.();
    }
  };

  stop(): void {
    if (this.pending) clearTimeout(this.pending);
  }
}
