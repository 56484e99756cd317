import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { MatchdayError } from '../errors.js';
import { yamlLine } from '../yaml-file.js';
import { parseDossier, type Dossier } from '../preview/dossier.js';
import { writePreview } from '../app/write-preview.js';
import { renderJson } from '../preview/preview-document.js';
import { renderHtml } from '../preview/render-html.js';
import { renderMarkdown } from '../preview/render-markdown.js';
import { defaultDatabasePath, openDatabase, type Db } from '../store/database.js';
import { readModelFile } from './model-file.js';
import { parseDate, parseNumber } from './option-parsers.js';
import { writeRoundPreviews } from './round-previews-command.js';
import { runCommand, type CommonOptions } from './output.js';
import { FORMATS } from './preview-command.js';

export interface PreviewOptions extends CommonOptions {
  date?: string;
  competition?: string;
  dossier?: string;
  modelFile?: string;
  format: string;
  out?: string;
  seed?: string;
  round?: boolean;
  from?: string;
  to?: string;
  competitions?: string;
  today?: string;
}

/** `matchday preview`, loaded when the command runs (start-up and --help stay fast). */
export function runPreviewCommand(
  home: string | undefined,
  away: string | undefined,
  options: PreviewOptions,
): Promise<void> {
  return runCommand(options, () => {
    const format = options.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) {
      throw new MatchdayError('BAD_OPTION', `--format must be one of ${FORMATS.join(', ')}, got ${options.format}`, {
        field: 'format',
      });
    }
    if (options.round || options.from || options.to) return writeRoundPreviews({ ...options, format });
    if (!home || !away) {
      throw new MatchdayError('BAD_OPTION', 'name the two teams (HOME AWAY), or ask for --round or --from/--to');
    }
    const dossierText = options.dossier ? readText(options.dossier) : null;
    const dossier = options.dossier && dossierText !== null ? parseDossier(dossierText, options.dossier) : null;
    const model = options.modelFile ? { model: readModelFile(options.modelFile), file: options.modelFile } : null;
    const db = openPreviewDatabase(options.db ?? defaultDatabasePath());
    let preview;
    try {
      preview = writePreview(db, {
        home,
        away,
        ...(options.date && { date: parseDate(options.date, 'date') }),
        ...(options.competition && { competition: options.competition }),
        dossier,
        ...(dossierText !== null && { dossierFirstLegLine: firstLegLine(dossierText) }),
        model,
        ...(options.seed !== undefined && { seed: parseNumber(options.seed, 'seed', 0) }),
      });
    } finally {
      db.close();
    }
    const text =
      format === 'md' ? renderMarkdown(preview) : format === 'html' ? renderHtml(preview) : renderJson(preview);
    if (options.out) writeFileSync(options.out, text);
    else process.stdout.write(text);
  });
}

/** A preview only reads; a database that does not exist yet is an empty one, not an error (and is not created). */
export function openPreviewDatabase(file: string): Db {
  return existsSync(file) ? openDatabase(file, { readonly: true }) : openDatabase(':memory:');
}

/** Where the dossier's first leg is written (the Dossier type does not keep that line), for its receipt. */
function firstLegLine(text: string): number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  return document.hasIn(['fixture', 'firstLeg']) ? yamlLine(document, lineCounter, ['fixture', 'firstLeg']) : undefined;
}

export function readDossier(file: string): Dossier {
  return parseDossier(readText(file), file);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new MatchdayError('DOSSIER_FILE', `cannot read: ${(error as Error).message}`, { file });
  }
}
