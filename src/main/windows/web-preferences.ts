import type { WebPreferences } from 'electron';

/**
 * The same locked-down preferences for every window: the renderer is a web page with no
 * Node, in a sandboxed process, isolated from the preload, and can embed no <webview>.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** The page URL: app://pos/<page> in production, the electron-vite dev server in development. */
export function pageUrl(page: 'index.html' | 'customer.html', devServerUrl: string | null): string {
  if (devServerUrl) return new URL(page, devServerUrl.endsWith('/') ? devServerUrl : `${devServerUrl}/`).href;
  return `app://pos/${page}`;
}
