/**
 * Median time to parse every football-data.co.uk file in the shared data (files read once, outside the timing).
 * Run: npx tsx bench/parse-football-data.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseFootballData } from '../src/ingest/football-data.js';
import { sharedPath } from '../test/shared-data.js';

const root = sharedPath('football-data');
const files = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) => readdirSync(path.join(root, dir.name)).map((name) => path.join(dir.name, name)))
  .map((name) => ({ name, text: readFileSync(path.join(root, name), 'utf8') }));

const RUNS = 7;
const times: number[] = [];
let matches = 0;
let odds = 0;
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  matches = 0;
  odds = 0;
  for (const file of files) {
    for (const record of parseFootballData(file.text, file.name).records) {
      matches++;
      odds += record.odds.length;
    }
  }
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const megabytes = files.reduce((sum, file) => sum + file.text.length, 0) / 1e6;
console.log(
  `parseFootballData: ${files.length} files, ${megabytes.toFixed(1)} MB, ${matches} matches, ${odds} odds records; ` +
    `median ${times[RUNS >> 1].toFixed(0)} ms over ${RUNS} runs (min ${times[0].toFixed(0)} ms)`,
);
