// `npm test`: lint, format check, typecheck, build, unit + integration tests (Node), then end-to-end tests in
// Chromium through the browser harness. Ends with one plain line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let stepFailed = false;

function run(label, cmd, args) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.log(`=== ${label} failed (exit ${r.status ?? r.signal})`);
    return false;
  }
  return true;
}

function count(file, label) {
  if (!existsSync(file)) {
    console.log(`=== ${label}: no result file; counted as one failure`);
    totals.failed += 1;
    return;
  }
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const passed = json.numPassedTests ?? 0;
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A suite that failed to load has no failed tests but is a failure all the same.
  const brokenSuites = (json.testResults ?? []).filter(
    (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
  ).length;
  totals.passed += passed;
  totals.failed += (json.numFailedTests ?? 0) + brokenSuites;
  totals.skipped += skipped;
  console.log(
    `=== ${label}: ${passed} passed, ${json.numFailedTests ?? 0} failed, ${skipped} skipped${brokenSuites ? `, ${brokenSuites} suites failed to load` : ''}`,
  );
}

const npx = 'npx';
if (!run('lint', npx, ['eslint', '.'])) stepFailed = true;
if (!run('format', npx, ['prettier', '--check', '.'])) stepFailed = true;
if (!run('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.node.json'])) stepFailed = true;
if (!run('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.web.json'])) stepFailed = true;
if (!run('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.test.json'])) stepFailed = true;
const built = run('build', npx, ['electron-vite', 'build']);
if (!built) stepFailed = true;

const unitJson = join(reports, 'unit.json');
run('unit and integration tests', npx, [
  'vitest',
  'run',
  '--config',
  'vitest.config.mts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitJson}`,
]);
count(unitJson, 'unit and integration tests');

if (built) {
  const e2eJson = join(reports, 'e2e.json');
  run('end-to-end tests (Chromium)', npx, [
    'vitest',
    'run',
    '--config',
    'vitest.e2e.config.mts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${e2eJson}`,
  ]);
  count(e2eJson, 'end-to-end tests');
} else {
  console.log('=== end-to-end tests not run: the build failed (counted as one failure)');
  totals.failed += 1;
}

if (stepFailed) {
  console.log('=== a lint, format, typecheck or build step failed (counted as one failure)');
  totals.failed += 1;
}
console.log('');
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
