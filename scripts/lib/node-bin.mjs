// A package's command as `node <its script>`: the same on every OS, where spawning `npx`
// would need a shell on Windows (npx.cmd) and would print its own noise.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * @param {string} pkg the package name
 * @param {string} [command] the bin entry; the package's only one when omitted
 * @returns {string[]} [node, script]
 */
export function nodeBin(pkg, command) {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  const script = typeof bin === 'string' ? bin : bin[command ?? pkg];
  if (!script) throw new Error(`${pkg} has no command ${command ?? pkg}`);
  return [process.execPath, join(dirname(manifest), script)];
}
