import type { ConnectivityView } from '@shared/domain';
import type { GatewayError } from '../pakasir/gateway';

/**
 * Online / degraded / offline, derived from what the last gateway calls did. Network and
 * timeout failures mean we cannot reach Pakasir (offline); 5xx, 429 and invalid answers mean
 * Pakasir answers badly (degraded). Any good answer means online again.
 */
export class ConnectivityTracker {
  private view: ConnectivityView = { state: 'online', lastOkAt: null, detail: null };
  constructor(
    private readonly onChange: (view: ConnectivityView) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get current(): ConnectivityView {
    return this.view;
  }

  ok(): { cameBack: boolean } {
    const cameBack = this.view.state !== 'online';
    this.view = { state: 'online', lastOkAt: new Date(this.now()).toISOString(), detail: null };
    if (cameBack) this.onChange(this.view);
    return { cameBack };
  }

  failed(error: GatewayError): void {
    const state =
      error.kind === 'network' || error.kind === 'timeout'
        ? 'offline'
        : error.kind === 'server' || error.kind === 'rate_limited' || error.kind === 'invalid_answer'
          ? 'degraded'
          : null;
    if (!state) return;
    const changed = this.view.state !== state || this.view.detail !== error.kind;
    this.view = { state, lastOkAt: this.view.lastOkAt, detail: error.kind };
    if (changed) this.onChange(this.view);
  }
}
