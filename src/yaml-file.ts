import { LineCounter, parseDocument, type Document } from 'yaml';
import { MatchdayError } from './errors.js';

/**
 * Alias expansions allowed in one file. matchday's YAML files (registry, aliases, neutral venues, dossiers) need few;
 * an alias bomb (each anchor repeating the one before) would expand exponentially.
 */
export const MAX_YAML_ALIASES = 50;

export interface YamlFile {
  document: Document;
  lineCounter: LineCounter;
  /** The document as plain data. */
  data: unknown;
}

/**
 * Parses a YAML file's text. A syntax error or an alias bomb is a one-line MatchdayError (INVALID_YAML) naming the
 * file and, for a syntax error, the line.
 */
export function parseYamlFile(text: string, file: string, options: { version?: '1.1' | '1.2' } = {}): YamlFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, ...options });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    throw new MatchdayError('INVALID_YAML', error.message.split('\n')[0], { file, line: error.linePos?.[0].line });
  }
  try {
    return { document, lineCounter, data: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    throw new MatchdayError(
      'INVALID_YAML',
      `${(error as Error).message.split('\n')[0]} (at most ${MAX_YAML_ALIASES} alias expansions)`,
      { file },
    );
  }
}

/** The 1-based line of the node at `path`, or of its nearest existing parent. */
export function yamlLine(document: Document, lineCounter: LineCounter, path: PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth) as unknown[], true) as
      { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
