#!/usr/bin/env node
/**
 * `npm test`: the unit and integration tests (vitest), then the browser tests (Playwright driving Debian's
 * Chromium), closing with one line that sums both: `N passed, N failed, N skipped`. Each runner writes a JSON
 * report the counts are read from; a runner that fails without a report counts as one failure. Exits non-zero
 * when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'matchday-tests-'));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

// vitest: jest-style JSON. A test file that fails to load has no tests but a failed status: one failure.
const vitestReport = path.join(scratch, 'vitest.json');
const vitestExit = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
const unit = vitest
  ? {
      passed: vitest.numPassedTests,
      failed:
        vitest.numFailedTests +
        vitest.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length,
      skipped: vitest.numPendingTests + vitest.numTodoTests,
    }
  : { passed: 0, failed: 1, skipped: 0 };
if (vitestExit !== 0 && unit.failed === 0) unit.failed = 1;

// Playwright: its JSON reporter (playwright.config.ts); errors outside tests (the set-up) count as failures.
const playwrightReport = path.join(root, 'test-results', 'playwright-results.json');
rmSync(playwrightReport, { force: true });
const browserExit = run(bin('playwright'), ['test']);
const playwright = readJson(playwrightReport);
const browser = playwright
  ? {
      passed: playwright.stats.expected + playwright.stats.flaky,
      failed: playwright.stats.unexpected + (playwright.errors?.length ?? 0),
      skipped: playwright.stats.skipped,
    }
  : { passed: 0, failed: 1, skipped: 0 };
if (browserExit !== 0 && browser.failed === 0) browser.failed = 1;

rmSync(scratch, { recursive: true, force: true });
const total = {
  passed: unit.passed + browser.passed,
  failed: unit.failed + browser.failed,
  skipped: unit.skipped + browser.skipped,
};
process.stdout.write(
  `\nvitest ${unit.passed} passed / ${unit.failed} failed / ${unit.skipped} skipped; ` +
    `browser ${browser.passed} passed / ${browser.failed} failed / ${browser.skipped} skipped\n` +
    `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`,
);
process.exitCode = total.failed > 0 ? 1 : 0;
