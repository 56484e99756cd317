/** The command line of a benchmark script: `--name value` options and `--flag` switches. */
const args = process.argv.slice(2);

/** The value after `--name`, if given. */
export function option(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Whether `--name` is on the command line. */
export function flag(name: string): boolean {
  return args.includes(name);
}

/** `--db FILE`, which the benchmark cannot run without. */
export function requiredDbFile(): string {
  const file = option('--db');
  if (!file) throw new Error('--db FILE: a database with the shared data imported');
  return file;
}
