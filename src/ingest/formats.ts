import { parseAliasOverrides } from './alias-overrides.js';
import {
  looksLikeEngsoccerdata,
  looksLikeEngsoccerdataTeamNames,
  parseEngsoccerdata,
  parseEngsoccerdataTeamNames,
} from './engsoccerdata.js';
import { looksLikeFootballData, parseFootballData } from './football-data.js';
import { looksLikeFootballTxt, parseFootballTxt } from './football-txt.js';
import { looksLikeFootballCsv, parseFootballCsv } from './footballcsv.js';
import { looksLikeGenericCsv, parseGenericCsv } from './generic-csv.js';
import { looksLikeClubsFile, looksLikeStadiumsFile, parseClubsFile, parseStadiumsFile } from './openfootball-clubs.js';
import { looksLikeUefaCupHistory, parseUefaCupHistory, UEFA_CUP_HISTORY_FORMAT } from './uefa-cup-history.js';
import type { Competition } from '../competitions/competition.js';
import { parseRegistryFile } from '../competitions/registry-file.js';
import type { CompetitionRegistry } from '../competitions/registry.js';
import type { ClubRecord, ParsedFile, StadiumRecord } from './records.js';

/**
 * A source format: how to recognise it from a file's first bytes and name, and how to parse it. Match parsers get
 * the competition registry to name the competitions their files hold.
 */
export type SourceFormat =
  | {
      id: string;
      kind: 'matches';
      detect(head: string, fileName: string): boolean;
      parse(text: string, file: string, registry: CompetitionRegistry): ParsedFile;
    }
  | {
      id: string;
      kind: 'competitions';
      detect(head: string, fileName: string): boolean;
      parse(text: string, file: string): Competition[];
    }
  | {
      id: string;
      kind: 'clubs';
      detect(head: string, fileName: string): boolean;
      parse(text: string, file: string): ClubRecord[];
    }
  | {
      id: string;
      kind: 'stadiums';
      detect(head: string, fileName: string): boolean;
      parse(text: string, file: string): StadiumRecord[];
    };

/** Detection order matters: the most specific formats first, the generic CSV last. */
export const SOURCE_FORMATS: readonly SourceFormat[] = [
  {
    id: 'competitions',
    kind: 'competitions',
    detect: (head, name) => /\.ya?ml$/.test(name) && /^competitions:/m.test(head),
    parse: (text, file) => parseRegistryFile(text, file, 'user').competitions,
  },
  {
    id: 'alias-overrides',
    kind: 'clubs',
    detect: (head, name) => /\.ya?ml$/.test(name) && /\baliases:/.test(head) && !/^competitions:/m.test(head),
    parse: parseAliasOverrides,
  },
  { id: 'football-data', kind: 'matches', detect: (head) => looksLikeFootballData(head), parse: parseFootballData },
  {
    id: 'engsoccerdata-teamnames',
    kind: 'clubs',
    detect: looksLikeEngsoccerdataTeamNames,
    parse: parseEngsoccerdataTeamNames,
  },
  { id: 'engsoccerdata', kind: 'matches', detect: looksLikeEngsoccerdata, parse: parseEngsoccerdata },
  { id: 'footballcsv', kind: 'matches', detect: looksLikeFootballCsv, parse: parseFootballCsv },
  {
    id: UEFA_CUP_HISTORY_FORMAT,
    kind: 'matches',
    detect: (head) => looksLikeUefaCupHistory(head),
    parse: parseUefaCupHistory,
  },
  {
    id: 'openfootball-clubs',
    kind: 'clubs',
    detect: (_head, name) => looksLikeClubsFile(name),
    parse: parseClubsFile,
  },
  {
    id: 'openfootball-stadiums',
    kind: 'stadiums',
    detect: (_head, name) => looksLikeStadiumsFile(name),
    parse: parseStadiumsFile,
  },
  { id: 'football-txt', kind: 'matches', detect: looksLikeFootballTxt, parse: parseFootballTxt },
  { id: 'generic-csv', kind: 'matches', detect: looksLikeGenericCsv, parse: parseGenericCsv },
];

export function detectFormat(head: string, fileName: string): SourceFormat | undefined {
  return SOURCE_FORMATS.find((f) => f.detect(head, fileName));
}

export function formatById(id: string): SourceFormat | undefined {
  return SOURCE_FORMATS.find((f) => f.id === id);
}
