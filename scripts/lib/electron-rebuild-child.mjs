// Runs @electron/rebuild for better-sqlite3 in a staging app folder. A child process of
// prepare-electron-sqlite.ts so that everything node-gyp and prebuild-install print (stack
// traces included) is captured into the log instead of the terminal.
// Usage: node electron-rebuild-child.mjs <appDir> <electronVersion> <arch>
import { rebuild } from '@electron/rebuild';

const [appDir, electronVersion, arch] = process.argv.slice(2);
if (!appDir || !electronVersion || !arch) {
  console.error('usage: electron-rebuild-child.mjs <appDir> <electronVersion> <arch>');
  process.exit(2);
}
// It tries better-sqlite3's prebuilt download for Electron first (prebuild-install), then
// node-gyp against Electron's headers.
await rebuild({
  buildPath: appDir,
  projectRootPath: appDir,
  electronVersion,
  arch,
  onlyModules: ['better-sqlite3'],
  force: true,
  mode: 'sequential',
  disablePreGypCopy: true,
});
