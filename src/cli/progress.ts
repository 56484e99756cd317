import cliProgress from 'cli-progress';

/** A progress bar on an interactive terminal, silence elsewhere (pipes, CI, --json). */
export function progressBar(
  enabled: boolean,
  label: string,
): { update(done: number, total: number, item: string): void; stop(): void } {
  if (!enabled || !process.stderr.isTTY) return { update() {}, stop() {} };
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
