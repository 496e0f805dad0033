// `npm test`: lint, format check, unused code, typecheck, build, unit + integration tests (Node), then
// end-to-end tests in Chromium through the browser harness. Every step's exit code and every
// runner's report is counted (scripts/lib/test-counts.mjs); the run ends with what failed,
// what to do about a missing browser, and one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './lib/find-chromium.mjs';
import { nodeBin } from './lib/node-bin.mjs';
import { closingLines, countStep, countVitestRun, newTally } from './lib/test-counts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = join(root, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const tally = newTally();

function run(label, [cmd, ...args], env = process.env) {
  console.log(`\n=== ${label}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.error) console.log(`=== ${label} could not start: ${r.error.message}`);
  else if (r.status !== 0) console.log(`=== ${label} failed (exit ${r.status ?? r.signal})`);
  return r.error ? null : r.status;
}

function step(label, command) {
  const status = run(label, command);
  countStep(tally, label, status);
  return status === 0;
}

function vitest(label, config, file, env) {
  const status = run(
    label,
    [
      ...nodeBin('vitest'),
      'run',
      '--config',
      config,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    env,
  );
  let report = null;
  try {
    if (existsSync(file)) report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.log(`=== ${label}: the report ${file} is not readable JSON (${err.message})`);
  }
  const before = { ...tally };
  countVitestRun(tally, label, report, status, root);
  console.log(
    `=== ${label}: ${tally.passed - before.passed} passed, ${tally.failed - before.failed} failed, ${tally.skipped - before.skipped} skipped`,
  );
}

step('lint', [...nodeBin('eslint'), '.']);
step('format', [...nodeBin('prettier'), '--check', '.']);
// Unused files, exports and dependencies (knip.jsonc): dead code fails the run instead of piling up.
// knip's package.json is not exported, so nodeBin cannot resolve it: its bin by path.
step('unused code', [process.execPath, join(root, 'node_modules', 'knip', 'bin', 'knip.js'), '--no-progress']);
for (const project of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.test.json'])
  step(`typecheck (${project})`, [...nodeBin('typescript', 'tsc'), '--noEmit', '-p', project]);
// Both steps run even when the first fails, so one run reports both.
const builtApp = step('build', [...nodeBin('electron-vite'), 'build']);
const builtOwner = step("build (the owner's page)", [
  ...nodeBin('vite'),
  'build',
  '--config',
  'vite.owner.config.mts',
  '--logLevel',
  'warn',
]);
const built = builtApp && builtOwner;

vitest('unit and integration tests', 'vitest.config.mts', join(reports, 'unit.json'));

const chromium = findChromium();
if (built) {
  // The same browser the search found, so the run and this summary agree on it.
  const env = chromium.path ? { ...process.env, CHROMIUM_PATH: chromium.path } : process.env;
  if (chromium.path) console.log(`\n=== end-to-end tests use ${chromium.path} (${chromium.source})`);
  vitest('end-to-end tests (Chromium)', 'vitest.e2e.config.mts', join(reports, 'e2e.json'), env);
} else {
  tally.failed += 1;
  tally.failures.push('end-to-end tests did not run: the build failed');
}
if (!chromium.path) tally.notes.push(chromium.problem);

const color =
  !process.env.NO_COLOR && (Boolean(process.stdout.isTTY) || Boolean(process.env.FORCE_COLOR || process.env.CI));
console.log('');
for (const line of closingLines(tally, { color })) console.log(line);
process.exit(tally.failed > 0 ? 1 : 0);
