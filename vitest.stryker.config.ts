import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (`npm run mutation -- FILE`): the unit tests of ingest/, identity/ and
 * store/, without the global set-up (no build, no import of ../shared/data), without tests that run other processes
 * (a mutant lives only in the test process) and without the slow 50,000-row file (its logic has quick tests too).
 */
export default defineConfig({
  test: {
    include: ['test/ingest/**/*.test.ts', 'test/identity/**/*.test.ts', 'test/store/**/*.test.ts'],
    exclude: ['test/store/concurrent-import.test.ts', 'test/store/many-invalid-rows.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
