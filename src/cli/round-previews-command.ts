import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeRoundPreviews } from '../app/round-previews.js';
import { instantOn } from '../app/upcoming-fixtures.js';
import { MatchdayError } from '../errors.js';
import { renderJson } from '../preview/preview-document.js';
import { renderHtml } from '../preview/render-html.js';
import { renderMarkdown } from '../preview/render-markdown.js';
import { renderRoundIndexHtml, renderRoundIndexJson, renderRoundIndexMarkdown } from '../preview/render-round-index.js';
import { registryOf } from '../store/competition-store.js';
import { openCommandDatabase } from './database-option.js';
import { parseCompetitions, parseDate } from './option-parsers.js';
import { printJson } from './output.js';
import { progressBar } from './progress.js';

export interface RoundPreviewOptions {
  round?: boolean;
  from?: string;
  to?: string;
  competitions?: string;
  today?: string;
  format: 'md' | 'html' | 'json';
  out?: string;
  db?: string;
  json?: boolean;
}

const EXTENSION = { md: 'md', html: 'html', json: 'json' } as const;

/** `matchday preview --round | --from D --to D --out DIR`: a preview per fixture and an index page, in DIR. */
export function writeRoundPreviews(options: RoundPreviewOptions): void {
  if (!options.out) {
    throw new MatchdayError('BAD_OPTION', 'previews of a round are files: give --out DIR', { field: 'out' });
  }
  const today = options.today ? parseDate(options.today, 'today') : new Date().toISOString().slice(0, 10);
  const db = openCommandDatabase(options);
  const bar = progressBar(!options.json, 'previews');
  let previews;
  try {
    previews = composeRoundPreviews(
      db,
      {
        competitions: options.competitions ? parseCompetitions(options.competitions, registryOf(db)) : [],
        ...(options.from && { from: parseDate(options.from, 'from') }),
        ...(options.to && { to: parseDate(options.to, 'to') }),
        today,
      },
      {
        madeAt: instantOn(today),
        extension: EXTENSION[options.format],
        onProgress: (done, total, item) => bar.update(done, total, item),
      },
    );
  } finally {
    bar.stop();
    db.close();
  }
  const render = { md: renderMarkdown, html: renderHtml, json: renderJson }[options.format];
  mkdirSync(options.out, { recursive: true });
  for (const { entry, preview } of previews) {
    if (preview && entry.file) writeFileSync(path.join(options.out, entry.file), render(preview));
  }
  const entries = previews.map((p) => p.entry);
  const dates = entries.map((e) => e.date).sort();
  const title =
    entries.length === 0
      ? 'No fixtures'
      : `Previews, ${dates[0]}${dates.at(-1) !== dates[0] ? ` to ${dates.at(-1)}` : ''}`;
  const index = { md: renderRoundIndexMarkdown, html: renderRoundIndexHtml, json: renderRoundIndexJson }[
    options.format
  ];
  const indexFile = path.join(options.out, `index.${EXTENSION[options.format]}`);
  writeFileSync(indexFile, index(title, entries));
  if (options.json) printJson({ index: indexFile, fixtures: entries });
  else {
    const written = entries.filter((e) => e.file !== null).length;
    process.stdout.write(`${written} previews of ${entries.length} fixtures and ${indexFile}\n`);
    for (const e of entries.filter((entry) => entry.file === null)) {
      process.stderr.write(`no preview of ${e.home} v ${e.away}: ${e.problem}\n`);
    }
  }
}
