// tsc writes files without the execute bit, and `npx matchday` in a clone runs the bin directly: set it.
import { chmodSync } from 'node:fs';
import path from 'node:path';

chmodSync(path.join(import.meta.dirname, '../dist/cli/main.js'), 0o755);
