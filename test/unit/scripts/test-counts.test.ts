import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeBin } from '../../../scripts/lib/node-bin.mjs';
import { closingLines, countStep, countVitestRun, newTally } from '../../../scripts/lib/test-counts.mjs';

/**
 * npm test's closing line must never say "0 failed" for a run that could not run. The reports
 * below were recorded from real vitest runs of this project (paths rewritten to /repo).
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const report = (name: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/reports', `${name}.json`), 'utf8'));
const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const ELECTRON_MISSING = "Electron's binary is not installed on this machine (`npm run electron:prepare` downloads it)";

describe('counting a vitest run', () => {
  it('end-to-end tests whose beforeAll threw (no Chromium) count as failed, with the reason', () => {
    const tally = newTally();
    countVitestRun(tally, 'e2e', report('e2e-no-chromium'), 1, '/repo');
    expect(tally).toMatchObject({ passed: 0, failed: 10, skipped: 0 });
    expect(tally.failures).toEqual([
      expect.stringMatching(
        /^e2e: 10 never ran because the setup of test\/e2e\/sales\.test\.ts failed \(No Chromium or Chrome was found/,
      ),
    ]);
    expect(closingLines(tally, { color: true }).at(-1)).toBe(`${RED}0 passed, 10 failed${'\u001b[39m'}`);
  });

  it('a beforeAll inside a describe that threw counts its tests as failed even when vitest gives no message', () => {
    const tally = newTally();
    countVitestRun(tally, 'unit', report('electron-required-before-all'), 1, '/repo');
    expect(tally).toMatchObject({ passed: 0, failed: 3, skipped: 0 });
    expect(tally.failures).toEqual(['unit: 3 never ran because the setup of test/electron-app/shell.test.ts failed']);
  });

  it('a skip that says why is a skip, shown with its reason in the closing line', () => {
    const tally = newTally();
    countVitestRun(tally, 'unit', report('unit-electron-skipped'), 0, '/repo');
    expect(tally).toMatchObject({ passed: 24, failed: 0, skipped: 3 });
    expect(tally.failures).toEqual([]);
    expect(closingLines(tally)).toEqual([`24 passed, 0 failed, 3 skipped (${ELECTRON_MISSING})`]);
    expect(closingLines(tally, { color: true })).toEqual([
      `${GREEN}24 passed, 0 failed, 3 skipped (${ELECTRON_MISSING})\u001b[39m`,
    ]);
  });

  it('a skip without a reason is a failure: nothing is skipped silently', () => {
    const recorded = report('unit-electron-skipped') as {
      testResults: { assertionResults: { meta: Record<string, unknown> }[] }[];
    };
    delete recorded.testResults[0]!.assertionResults[1]!.meta.skipReason;
    const tally = newTally();
    countVitestRun(tally, 'unit', recorded, 0, '/repo');
    expect(tally).toMatchObject({ passed: 24, failed: 1, skipped: 2 });
    expect(tally.failures).toEqual([
      'unit: 1 skipped without a reason (the packaged shell in real Electron exposes no Node and no ipcRenderer to the page)',
    ]);
  });

  it('a file that cannot load, a setup that threw and a passing file: each counted', () => {
    const tally = newTally();
    countVitestRun(tally, 'unit', report('broken-run'), 1, '/repo');
    expect(tally).toMatchObject({ passed: 1, failed: 3, skipped: 0 });
    expect(tally.failures).toEqual([
      'unit: 2 never ran because the setup of test/unit/scripts/fixtures/vitest-run/before-all-throws.fixture.ts failed',
      expect.stringMatching(
        /^unit: test\/unit\/scripts\/fixtures\/vitest-run\/import-fails\.fixture\.ts could not run \(Cannot find module '\.\/missing-module'/,
      ),
    ]);
  });

  it('a runner that exits non-zero counts even when its report shows nothing wrong', () => {
    const tally = newTally();
    countVitestRun(tally, 'unit', report('unit-electron-skipped'), 1, '/repo');
    expect(tally.failed).toBe(1);
    expect(tally.failures).toEqual([
      'unit: the runner exited with code 1 although no test failed (see its output above)',
    ]);
  });

  it('a runner that wrote no report, or found no tests, is a failure', () => {
    const tally = newTally();
    countVitestRun(tally, 'e2e', null, null, '/repo');
    countVitestRun(tally, 'unit', { success: false, numTotalTests: 0, testResults: [] }, 1, '/repo');
    expect(tally.failed).toBe(2);
    expect(tally.failures).toEqual([
      'e2e: no test report was written (the runner did not finish)',
      'unit: no test files were found',
    ]);
  });

  it('a failing lint, typecheck or build step counts once each', () => {
    const tally = newTally();
    countStep(tally, 'lint', 0);
    countStep(tally, 'typecheck', 2);
    countStep(tally, 'build', null);
    expect(tally.failed).toBe(2);
    expect(closingLines(tally)).toEqual([
      '  ✗ typecheck failed (exit code 2)',
      '  ✗ build failed (did not finish)',
      '0 passed, 2 failed',
    ]);
  });

  it('notes (what to install) come just before the closing line', () => {
    const tally = newTally();
    countVitestRun(tally, 'e2e', report('e2e-no-chromium'), 1, '/repo');
    tally.notes.push('No Chromium or Chrome was found for the end-to-end tests: …');
    const lines = closingLines(tally);
    expect(lines.slice(-2)).toEqual([
      'No Chromium or Chrome was found for the end-to-end tests: …',
      '0 passed, 10 failed',
    ]);
  });
});

describe('a real vitest run with a throwing beforeAll', () => {
  it('is counted as failed and turns the closing line red', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pos-counts-'));
    try {
      const json = join(dir, 'report.json');
      const [node, vitest] = nodeBin('vitest');
      const run = spawnSync(
        node!,
        [
          vitest!,
          'run',
          '--config',
          join(import.meta.dirname, 'fixtures/vitest-run/vitest.config.mts'),
          '--reporter=json',
          `--outputFile.json=${json}`,
        ],
        { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
      );
      expect(run.status).toBe(1);
      const tally = newTally();
      countVitestRun(tally, 'fixture', JSON.parse(readFileSync(json, 'utf8')), run.status, ROOT);
      expect(tally).toMatchObject({ passed: 1, failed: 3, skipped: 0 });
      expect(closingLines(tally, { color: true }).at(-1)).toBe(`${RED}1 passed, 3 failed\u001b[39m`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
