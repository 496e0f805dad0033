// Chromium for the end-to-end tests, found without configuration where a machine has one:
// CHROMIUM_PATH, then Chromium or Chrome on PATH, then where Chrome installs itself on macOS
// and Windows, then Playwright's own browser cache. Shared by scripts/test.mjs (to say what
// is missing at the end of the run) and the e2e support code (to launch it).
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';

export const CHROMIUM_HOW_TO =
  'No Chromium or Chrome was found for the end-to-end tests: install Google Chrome or Chromium (Debian/Ubuntu: `sudo apt-get install chromium`), or run `npx playwright-core install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome executable.';

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Inside a Playwright browser folder (chromium-<rev>, chromium_headless_shell-<rev>), newest layout first. */
const PLAYWRIGHT_LAYOUTS = {
  linux: [
    ['chrome-linux64', 'chrome'],
    ['chrome-linux-arm64', 'chrome'],
    ['chrome-linux', 'chrome'],
    ['chrome-headless-shell-linux64', 'chrome-headless-shell'],
    ['chrome-headless-shell-linux-arm64', 'chrome-headless-shell'],
    ['chrome-linux', 'headless_shell'],
  ],
  darwin: [
    ['chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
    ['chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
    ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
    ['chrome-headless-shell-mac-arm64', 'chrome-headless-shell'],
    ['chrome-headless-shell-mac-x64', 'chrome-headless-shell'],
    ['chrome-mac', 'headless_shell'],
  ],
  win32: [
    ['chrome-win64', 'chrome.exe'],
    ['chrome-win', 'chrome.exe'],
    ['chrome-headless-shell-win64', 'chrome-headless-shell.exe'],
    ['chrome-win', 'headless_shell.exe'],
  ],
};

function defaultIsExecutable(path, platform) {
  try {
    if (!statSync(path).isFile()) return false;
    if (platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function defaultList(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * @typedef {{ path: string, source: string } | { path: null, problem: string }} ChromiumFound
 * @param {{
 *   env?: Record<string, string | undefined>,
 *   platform?: string,
 *   home?: string,
 *   isExecutable?: (path: string) => boolean,
 *   list?: (dir: string) => string[],
 * }} [options] everything the search reads, so tests can stage any machine
 * @returns {ChromiumFound}
 */
export function findChromium(options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.home ?? homedir();
  const isExecutable = options.isExecutable ?? ((p) => defaultIsExecutable(p, platform));
  const list = options.list ?? defaultList;
  const path = platform === 'win32' ? win32 : posix;

  // Explicit configuration that points nowhere is a mistake to report, not to route around.
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    return isExecutable(configured)
      ? { path: configured, source: 'CHROMIUM_PATH' }
      : { path: null, problem: `CHROMIUM_PATH is set to ${configured}, which is not an executable file.` };
  }

  const pathVar = (platform === 'win32' ? (env.Path ?? env.PATH) : env.PATH) ?? '';
  const extensions = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean) : [''];
  for (const dir of pathVar.split(path.delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) {
      for (const ext of extensions) {
        const candidate = path.join(dir, name + ext);
        if (isExecutable(candidate)) return { path: candidate, source: 'PATH' };
      }
    }
  }

  const usual = [];
  if (platform === 'darwin') {
    for (const apps of ['/Applications', path.join(home, 'Applications')]) {
      usual.push(path.join(apps, 'Google Chrome.app', 'Contents', 'MacOS', 'Google Chrome'));
      usual.push(path.join(apps, 'Chromium.app', 'Contents', 'MacOS', 'Chromium'));
    }
  } else if (platform === 'win32') {
    for (const base of [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean)) {
      usual.push(path.join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'));
      usual.push(path.join(base, 'Chromium', 'Application', 'chrome.exe'));
    }
  }
  for (const candidate of usual) if (isExecutable(candidate)) return { path: candidate, source: 'installed' };

  for (const dir of playwrightDirs(env, platform, home, path)) {
    // Newest revision first; a full browser before a headless shell.
    const folders = list(dir)
      .map((name) => ({ name, m: /^(chromium|chromium_headless_shell)-(\d+)$/.exec(name) }))
      .filter((f) => f.m)
      .sort((a, b) => (a.m[1] === b.m[1] ? Number(b.m[2]) - Number(a.m[2]) : a.m[1] === 'chromium' ? -1 : 1));
    for (const { name } of folders) {
      for (const layout of PLAYWRIGHT_LAYOUTS[platform] ?? []) {
        const candidate = path.join(dir, name, ...layout);
        if (isExecutable(candidate)) return { path: candidate, source: 'Playwright' };
      }
    }
  }
  return { path: null, problem: CHROMIUM_HOW_TO };
}

/** Where `playwright install` puts browsers: PLAYWRIGHT_BROWSERS_PATH, else the per-user cache. */
function playwrightDirs(env, platform, home, path) {
  const configured = env.PLAYWRIGHT_BROWSERS_PATH;
  if (configured === '0') return [localBrowsers()].filter(Boolean);
  if (configured) return [configured];
  if (platform === 'darwin') return [path.join(home, 'Library', 'Caches', 'ms-playwright')];
  if (platform === 'win32')
    return [path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'ms-playwright')];
  return [path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'ms-playwright')];
}

/** PLAYWRIGHT_BROWSERS_PATH=0 installs next to playwright-core itself. */
function localBrowsers() {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), '.local-browsers');
  } catch {
    return null;
  }
}
