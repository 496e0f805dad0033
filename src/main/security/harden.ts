/**
 * Hardening applied to every webContents and session the app creates. Structural types
 * instead of Electron's, so the rules are unit-testable with plain objects; Electron's own
 * objects satisfy them.
 */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: PreventableEvent & { url?: string }, url?: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
  setDevicePermissionHandler?(handler: ((details: unknown) => boolean) | null): void;
}

export interface HardenLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface HardenOptions {
  isAppUrl: (url: string) => boolean;
  isAllowedExternalUrl: (url: string) => boolean;
  /** shell.openExternal in Electron. */
  openExternal: (url: string) => unknown;
  log?: HardenLog;
}

/**
 * - window.open / target=_blank never opens an Electron window; a Pakasir page goes to the
 *   system browser, anything else is dropped.
 * - navigation and redirects away from the app's own pages are blocked (a renderer bug or
 *   injected link cannot turn a window with our preload into a foreign page).
 * - <webview> can never be attached.
 */
export function hardenWebContents(contents: WebContentsLike, options: HardenOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (options.isAllowedExternalUrl(url)) {
      void Promise.resolve()
        .then(() => options.openExternal(url))
        .catch(() => options.log?.warn('could not open external link'));
    } else {
      options.log?.warn('blocked window.open', { url });
    }
    return { action: 'deny' };
  });
  const guardNavigation = (name: 'will-navigate' | 'will-redirect' | 'will-frame-navigate') =>
    contents.on(name, (event, urlArg) => {
      const url = typeof urlArg === 'string' ? urlArg : (event.url ?? '');
      if (!options.isAppUrl(url)) {
        event.preventDefault();
        options.log?.warn(`blocked ${name}`, { url });
      }
    });
  guardNavigation('will-navigate');
  guardNavigation('will-redirect');
  guardNavigation('will-frame-navigate');
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log?.warn('blocked webview');
  });
}

/** The one permission a window may use: writing text to the clipboard ("copy VA number"). */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

/**
 * A POS needs no camera, microphone, notifications, geolocation, USB, HID or serial from the
 * web side. The only grant is clipboard write for the app's own pages, so the cashier can
 * copy a VA number; reading the clipboard stays denied.
 */
export function hardenSession(session: SessionLike, log?: HardenLog, isAppUrl?: (url: string) => boolean): void {
  const fromApp = (contents: unknown): boolean => {
    const url = (contents as { getURL?: () => string } | null)?.getURL?.();
    return !!isAppUrl && typeof url === 'string' && isAppUrl(url);
  };
  session.setPermissionRequestHandler((contents, permission, callback) => {
    if (permission === ALLOWED_PERMISSION && fromApp(contents)) return callback(true);
    log?.warn('denied permission request', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler((contents, permission) => permission === ALLOWED_PERMISSION && fromApp(contents));
  session.setDevicePermissionHandler?.(() => false);
}
