// electron-builder afterPack hook: flip Electron's fuses in the packaged binary, so the
// shipped app cannot be turned into a general Node runtime or have its code swapped.
// Fuses are compiled into the binary; they cannot be changed back by an environment
// variable or a command-line flag on the shop computer.
const path = require('node:path');

/** The Electron executable inside the packed app for each platform. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${name}.app`);
    case 'win32':
      return path.join(appOutDir, `${name}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

exports.default = async function flipFuses(context) {
  // @electron/fuses is an ES module.
  const { flipFuses: flip, FuseVersion, FuseV1Options } = await import('@electron/fuses');
  const binary = electronBinary(context);
  await flip(binary, {
    version: FuseVersion.V1,
    // Ad-hoc signed arm64 macOS builds must be re-signed after the binary changes.
    resetAdHocDarwinSignature:
      context.electronPlatformName === 'darwin' && context.arch === 3 /* electron-builder Arch.arm64 */,
    // ELECTRON_RUN_AS_NODE would make the signed binary run any script as Node.
    [FuseV1Options.RunAsNode]: false,
    // NODE_OPTIONS could preload arbitrary code into main (and read the decrypted key).
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect would let anyone on the machine attach a debugger to main.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // The app's code is checked against the hash embedded at packaging (macOS, Windows).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Only the app.asar is loaded, never a loose app/ folder dropped beside it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // Cookies and local storage encrypted with the OS keystore, like the API key.
    [FuseV1Options.EnableCookieEncryption]: true,
    // Pages are served from app://, so file:// needs no extra powers.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
  console.log(`fuses flipped: ${path.basename(binary)}`);
};
