import { defineConfig } from '@playwright/test';

/** Debian's Chromium (installed by .ci/run with apt), never a browser Playwright downloads. */
const CHROMIUM = '/usr/bin/chromium';
/** The launch flags that work in this sandbox (see docs: DESIGN.md, browser). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Browser tests: the compiled `matchday serve` over the shared data (started by the global set-up), driven by
 * Chromium at a phone's size. Screenshots are kept under test-results/screenshots/.
 */
export default defineConfig({
  testDir: 'test/browser',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/playwright',
  globalSetup: './test/browser/global-setup.ts',
  // One worker: the server fits models on its single thread, and the machine has two cores.
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-results.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 1,
    screenshot: 'only-on-failure',
    navigationTimeout: 60_000,
  },
});
