// The arithmetic behind npm test's closing line. A run may only end "0 failed" when every
// step and runner finished cleanly: a runner's exit code counts even when its report looks
// clean, and a test that never ran because its file's setup failed (vitest reports those as
// skipped) counts as failed. A skip is only a skip when the test recorded why
// (task.meta.skipReason): an environment that cannot run it, said out loud.
import { relative } from 'node:path';

/**
 * @typedef {{
 *   passed: number,
 *   failed: number,
 *   skipped: number,
 *   failures: string[],
 *   skipReasons: Map<string, number>,
 *   notes: string[],
 * }} Tally
 */

/** @returns {Tally} */
export function newTally() {
  return { passed: 0, failed: 0, skipped: 0, failures: [], skipReasons: new Map(), notes: [] };
}

/**
 * A step without a report (lint, typecheck, build): its exit code is its result.
 * @param {Tally} tally
 * @param {string} label
 * @param {number | null} exitCode null when it was killed by a signal or could not start
 */
export function countStep(tally, label, exitCode) {
  if (exitCode === 0) return;
  tally.failed += 1;
  tally.failures.push(`${label} failed (${exitCode === null ? 'did not finish' : `exit code ${exitCode}`})`);
}

const SKIPPED = new Set(['skipped', 'pending', 'todo', 'disabled']);
const firstLine = (text) =>
  String(text ?? '')
    .trim()
    .split('\n')[0] ?? '';

/**
 * One vitest run: its JSON report (null when none was written) and its exit code.
 * @param {Tally} tally
 * @param {string} label
 * @param {any} report parsed `--reporter=json` output
 * @param {number | null} exitCode
 * @param {string} root paths in messages are shown relative to it
 */
export function countVitestRun(tally, label, report, exitCode, root) {
  if (!report || !Array.isArray(report.testResults)) {
    tally.failed += 1;
    tally.failures.push(`${label}: no test report was written (the runner ${describeExit(exitCode)})`);
    return;
  }
  const before = tally.failed;
  const unexplained = [];
  for (const file of report.testResults) {
    const name = relative(root, file.name ?? '') || String(file.name);
    const fileFailed = file.status === 'failed';
    const tests = file.assertionResults ?? [];
    let failedHere = 0;
    let neverRan = 0;
    for (const test of tests) {
      if (test.status === 'passed') {
        tally.passed += 1;
      } else if (SKIPPED.has(test.status)) {
        const reason = test.meta?.skipReason;
        if (!fileFailed && typeof reason === 'string' && reason.trim()) {
          tally.skipped += 1;
          tally.skipReasons.set(reason, (tally.skipReasons.get(reason) ?? 0) + 1);
        } else {
          tally.failed += 1;
          if (fileFailed) neverRan += 1;
          else unexplained.push(test.fullName ?? test.title);
        }
      } else {
        tally.failed += 1;
        failedHere += 1;
      }
    }
    const why = firstLine(file.message);
    if (failedHere > 0) tally.failures.push(`${label}: ${failedHere} failed in ${name}`);
    if (neverRan > 0)
      tally.failures.push(
        `${label}: ${neverRan} never ran because the setup of ${name} failed${why ? ` (${why})` : ''}`,
      );
    if (fileFailed && failedHere === 0 && neverRan === 0) {
      tally.failed += 1;
      tally.failures.push(`${label}: ${name} could not run${why ? ` (${why})` : ''}`);
    }
  }
  if (unexplained.length > 0)
    tally.failures.push(
      `${label}: ${unexplained.length} skipped without a reason (${unexplained.slice(0, 3).join('; ')}${unexplained.length > 3 ? '; …' : ''})`,
    );
  if (report.testResults.length === 0) {
    tally.failed += 1;
    tally.failures.push(`${label}: no test files were found`);
  }
  if (tally.failed === before && (exitCode !== 0 || report.success === false)) {
    tally.failed += 1;
    tally.failures.push(
      `${label}: the runner ${describeExit(exitCode)} although no test failed (see its output above)`,
    );
  }
}

function describeExit(exitCode) {
  return exitCode === null ? 'did not finish' : `exited with code ${exitCode}`;
}

/**
 * The last lines of the run: what failed, what to do about it, and the closing line.
 * @param {Tally} tally
 * @param {{ color?: boolean }} [options]
 * @returns {string[]}
 */
export function closingLines(tally, options = {}) {
  const reasons = [...tally.skipReasons].map(([reason, n]) =>
    tally.skipReasons.size > 1 ? `${n}: ${reason}` : reason,
  );
  const line = `${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped (${reasons.join('; ')})` : ''}`;
  const paint = (code, text) => (options.color ? `\u001b[${code}m${text}\u001b[39m` : text);
  return [...tally.failures.map((f) => `  ✗ ${f}`), ...tally.notes, paint(tally.failed > 0 ? 31 : 32, line)];
}
