import { BrowserWindow, type Display, type Screen } from 'electron';
import { chooseCustomerDisplay, windowedBounds } from './display-placement';
import { pageUrl, secureWebPreferences } from './web-preferences';
import type { WindowPaths } from './cashier-window';

/** The customer-facing display: amount and QR, full-screen on a second monitor when there is one. */
export function createCustomerWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 900,
    height: 700,
    show: false,
    title: 'Pakasir POS: Customer display',
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    webPreferences: secureWebPreferences(paths.preloadPath),
  });
  void win.loadURL(pageUrl('customer.html', paths.devServerUrl));
  return win;
}

export interface CustomerDisplayDeps {
  screen: Pick<Screen, 'getAllDisplays' | 'getDisplayMatching' | 'getPrimaryDisplay' | 'on' | 'removeListener'>;
  cashier: () => BrowserWindow | null;
  create: () => BrowserWindow;
  log?: { info(message: string, fields?: Record<string, unknown>): void };
}

/**
 * Keeps the customer display where it belongs as settings and monitors change: full-screen
 * on the chosen (or first other) screen; a normal window beside the register when there is
 * only one; moved when a monitor is plugged in or out; closed when turned off in settings.
 */
export class CustomerDisplay {
  private win: BrowserWindow | null = null;
  private enabled = false;
  private preferredId: number | null = null;
  private readonly onDisplaysChanged = () => this.place();

  constructor(private readonly deps: CustomerDisplayDeps) {
    deps.screen.on('display-added', this.onDisplaysChanged);
    deps.screen.on('display-removed', this.onDisplaysChanged);
    deps.screen.on('display-metrics-changed', this.onDisplaysChanged);
  }

  window(): BrowserWindow | null {
    return this.win && !this.win.isDestroyed() ? this.win : null;
  }

  apply(settings: { customerDisplayEnabled: boolean; customerDisplayId: number | null }): void {
    // Any settings change lands here; re-placing an unchanged window would flicker it.
    if (
      this.window() &&
      settings.customerDisplayEnabled &&
      this.enabled &&
      settings.customerDisplayId === this.preferredId
    )
      return;
    this.enabled = settings.customerDisplayEnabled;
    this.preferredId = settings.customerDisplayId;
    if (!this.enabled) {
      this.window()?.close();
      this.win = null;
      return;
    }
    if (!this.window()) {
      this.win = this.deps.create();
      this.win.on('closed', () => {
        this.win = null;
      });
    }
    this.place();
  }

  place(): void {
    const win = this.window();
    if (!win || !this.enabled) return;
    const cashier = this.deps.cashier();
    const cashierDisplay: Display =
      cashier && !cashier.isDestroyed()
        ? this.deps.screen.getDisplayMatching(cashier.getBounds())
        : this.deps.screen.getPrimaryDisplay();
    const target = chooseCustomerDisplay(this.deps.screen.getAllDisplays(), cashierDisplay.id, this.preferredId);
    if (target) {
      win.setFullScreen(false);
      win.setBounds(target.bounds);
      win.setFullScreen(true);
      this.deps.log?.info('customer display full-screen', { display: target.id });
    } else {
      win.setFullScreen(false);
      win.setBounds(windowedBounds(cashierDisplay.workArea));
      this.deps.log?.info('customer display windowed (one screen)');
    }
    win.showInactive();
  }

  dispose(): void {
    this.deps.screen.removeListener('display-added', this.onDisplaysChanged);
    this.deps.screen.removeListener('display-removed', this.onDisplaysChanged);
    this.deps.screen.removeListener('display-metrics-changed', this.onDisplaysChanged);
    this.window()?.close();
    this.win = null;
  }
}
