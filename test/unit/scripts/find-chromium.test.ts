import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_HOW_TO, findChromium } from '../../../scripts/lib/find-chromium.mjs';
import { skipBecause } from '../../support/skip';

/** Real folders and executable files staged in a temporary directory, one machine per test. */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function machine(): { root: string; exe: (rel: string, mode?: number) => string } {
  const root = mkdtempSync(join(tmpdir(), 'pos-chromium-'));
  dirs.push(root);
  return {
    root,
    exe(rel, mode = 0o755) {
      const file = join(root, rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, '#!/bin/sh\n');
      chmodSync(file, mode);
      return file;
    },
  };
}

/** These stage POSIX executables (file modes, a `:`-separated PATH); Windows is covered below. */
const posixIt = (name: string, fn: () => void) =>
  it(name, (ctx) => {
    if (process.platform === 'win32') return skipBecause(ctx, 'POSIX file modes cannot be staged on Windows');
    fn();
  });

describe('finding Chromium without configuration (Linux, real files)', () => {
  posixIt('uses CHROMIUM_PATH first, and says so when it points at nothing', () => {
    const m = machine();
    const chosen = m.exe('custom/chrome');
    m.exe('bin/chromium');
    const env = { PATH: join(m.root, 'bin') };
    expect(findChromium({ env: { ...env, CHROMIUM_PATH: chosen }, home: m.root, platform: 'linux' })).toEqual({
      path: chosen,
      source: 'CHROMIUM_PATH',
    });
    const missing = join(m.root, 'nope/chrome');
    expect(findChromium({ env: { ...env, CHROMIUM_PATH: missing }, home: m.root, platform: 'linux' })).toEqual({
      path: null,
      problem: `CHROMIUM_PATH is set to ${missing}, which is not an executable file.`,
    });
  });

  posixIt('an empty CHROMIUM_PATH means unset: the PATH search runs', () => {
    const m = machine();
    const chrome = m.exe('bin/google-chrome');
    expect(
      findChromium({ env: { PATH: join(m.root, 'bin'), CHROMIUM_PATH: '' }, home: m.root, platform: 'linux' }),
    ).toEqual({ path: chrome, source: 'PATH' });
  });

  posixIt('finds chromium, chromium-browser, google-chrome or google-chrome-stable on PATH, in PATH order', () => {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      const m = machine();
      const found = m.exe(`second/${name}`);
      const env = { PATH: [join(m.root, 'first'), join(m.root, 'second')].join(':') };
      expect(findChromium({ env, home: m.root, platform: 'linux' })).toEqual({ path: found, source: 'PATH' });
    }
  });

  posixIt('skips a file of that name that is not executable', () => {
    const m = machine();
    m.exe('bin/chromium', 0o644);
    expect(findChromium({ env: { PATH: join(m.root, 'bin') }, home: m.root, platform: 'linux' })).toEqual({
      path: null,
      problem: CHROMIUM_HOW_TO,
    });
  });

  posixIt("falls back to Playwright's browser cache, newest full browser first", () => {
    const m = machine();
    m.exe('.cache/ms-playwright/chromium-1100/chrome-linux/chrome');
    const newest = m.exe('.cache/ms-playwright/chromium-1200/chrome-linux64/chrome');
    m.exe('.cache/ms-playwright/chromium_headless_shell-1300/chrome-headless-shell-linux64/chrome-headless-shell');
    m.exe('.cache/ms-playwright/firefox-1400/firefox/firefox');
    expect(findChromium({ env: { PATH: '' }, home: m.root, platform: 'linux' })).toEqual({
      path: newest,
      source: 'Playwright',
    });
  });

  posixIt(
    'honours PLAYWRIGHT_BROWSERS_PATH and XDG_CACHE_HOME, and takes a headless shell when that is all there is',
    () => {
      const m = machine();
      const shell = m.exe('browsers/chromium_headless_shell-1300/chrome-headless-shell-linux64/chrome-headless-shell');
      expect(
        findChromium({
          env: { PATH: '', PLAYWRIGHT_BROWSERS_PATH: join(m.root, 'browsers') },
          home: m.root,
          platform: 'linux',
        }),
      ).toEqual({ path: shell, source: 'Playwright' });
      const xdg = m.exe('xdg/ms-playwright/chromium-1200/chrome-linux64/chrome');
      expect(
        findChromium({ env: { PATH: '', XDG_CACHE_HOME: join(m.root, 'xdg') }, home: m.root, platform: 'linux' }),
      ).toEqual({ path: xdg, source: 'Playwright' });
    },
  );

  posixIt('with none, answers how to get one', () => {
    const m = machine();
    expect(findChromium({ env: { PATH: join(m.root, 'bin') }, home: m.root, platform: 'linux' })).toEqual({
      path: null,
      problem: CHROMIUM_HOW_TO,
    });
    expect(CHROMIUM_HOW_TO).toMatch(/apt-get install chromium.*playwright-core install chromium.*CHROMIUM_PATH/);
  });
});

describe('finding Chrome where it installs itself (macOS and Windows layouts)', () => {
  const only =
    (...present: string[]) =>
    (p: string) =>
      present.includes(p);

  it('macOS: /Applications, then ~/Applications, then the Playwright cache', () => {
    const app = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const user = '/Users/kasir/Applications/Chromium.app/Contents/MacOS/Chromium';
    const base = { env: { PATH: '/usr/bin' }, home: '/Users/kasir', platform: 'darwin' };
    expect(findChromium({ ...base, isExecutable: only(app, user) })).toEqual({ path: app, source: 'installed' });
    expect(findChromium({ ...base, isExecutable: only(user) })).toEqual({ path: user, source: 'installed' });
    const cache = '/Users/kasir/Library/Caches/ms-playwright';
    const pw = `${cache}/chromium-1200/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`;
    expect(
      findChromium({
        ...base,
        isExecutable: only(pw),
        list: (dir) => (dir === cache ? ['chromium-1200'] : []),
      }),
    ).toEqual({ path: pw, source: 'Playwright' });
  });

  it('Windows: Program Files, Program Files (x86), the user install, then the Playwright cache', () => {
    const env = {
      Path: 'C:\\Windows\\System32',
      PATHEXT: '.COM;.EXE',
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\kasir\\AppData\\Local',
    };
    const base = { env, home: 'C:\\Users\\kasir', platform: 'win32' };
    const x86 = 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe';
    const user = 'C:\\Users\\kasir\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium({ ...base, isExecutable: only(x86, user) })).toEqual({ path: x86, source: 'installed' });
    expect(findChromium({ ...base, isExecutable: only(user) })).toEqual({ path: user, source: 'installed' });
    const onPath = 'C:\\Windows\\System32\\chromium.EXE';
    expect(findChromium({ ...base, isExecutable: only(onPath, x86) })).toEqual({ path: onPath, source: 'PATH' });
    const cache = 'C:\\Users\\kasir\\AppData\\Local\\ms-playwright';
    const pw = `${cache}\\chromium-1200\\chrome-win64\\chrome.exe`;
    expect(
      findChromium({ ...base, isExecutable: only(pw), list: (dir) => (dir === cache ? ['chromium-1200'] : []) }),
    ).toEqual({ path: pw, source: 'Playwright' });
  });
});
