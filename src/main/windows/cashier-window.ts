import { BrowserWindow } from 'electron';
import { pageUrl, secureWebPreferences } from './web-preferences';

export interface WindowPaths {
  preloadPath: string;
  devServerUrl: string | null;
}

/** The cashier's window: the register, history and settings. Closing it quits the app. */
export function createCashierWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Pakasir POS',
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(paths.preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(pageUrl('index.html', paths.devServerUrl));
  return win;
}
