import { createRequire } from 'node:module';

// Required when a bar is drawn, not at every command's start (most runs are not on a terminal).
const require = createRequire(import.meta.url);

/** A progress bar on an interactive terminal, silence elsewhere (pipes, CI, --json). */
export function progressBar(
  enabled: boolean,
  label: string,
): { update(done: number, total: number, item: string): void; stop(): void } {
  if (!enabled || !process.stderr.isTTY) return { update() {}, stop() {} };
  const cliProgress = require('cli-progress') as typeof import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {item}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, item) {
      if (!started) {
        bar.start(total, done, { item });
        started = true;
      } else bar.update(done, { item });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
