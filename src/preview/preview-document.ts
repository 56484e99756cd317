import { MatchdayError } from '../errors.js';
import type { CrowdEstimate } from './crowd.js';

/**
 * The Preview: one plain, JSON-serialisable object from which the Markdown, HTML and JSON previews are rendered.
 * Every sentence names the facts it stands on (`factIds`); every fact lists its receipts — the matches (and dossier
 * lines) that support it — so each claim can be checked.
 */

export const PREVIEW_VERSION = 2;

export interface Preview {
  version: typeof PREVIEW_VERSION;
  fixture: PreviewFixture;
  /** Opening paragraphs before the first section (the seed's standfirst). */
  intro: Paragraph[];
  /** The boxes beside the story: the tie, the form guides, the head-to-head. */
  furniture: PreviewFurniture;
  sections: PreviewSection[];
  facts: PreviewFact[];
  /** What the reader should know about the preview's limits, e.g. "no match history imported". */
  caveats: string[];
}

export interface PreviewFixture {
  home: string;
  away: string;
  /** ISO date. */
  date: string;
  /** Competition as readers know it, e.g. "UEFA Europa League". */
  competition: string;
  round?: string;
  leg?: 1 | 2;
  venue?: string;
}

export interface Sentence {
  text: string;
  factIds: string[];
}

export type Paragraph =
  | { kind: 'text'; sentences: Sentence[] }
  | { kind: 'quote'; text: string; speaker: string; outlet: string; date: string; factIds: string[] };

export type SectionId =
  'match-preview' | 'team-news' | 'possible-line-ups' | 'we-say' | 'data-analysis' | 'matchday-crowd';

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  'match-preview': 'Match preview',
  'team-news': 'Team news',
  'possible-line-ups': 'Possible starting line-ups',
  'we-say': 'We say',
  'data-analysis': 'Data analysis',
  'matchday-crowd': 'Matchday crowd',
};

interface SectionBase<Id extends SectionId> {
  id: Id;
  title: string;
  paragraphs: Paragraph[];
}

export type PreviewSection =
  | SectionBase<'match-preview'>
  | SectionBase<'team-news'>
  | (SectionBase<'possible-line-ups'> & { lineups: PreviewLineup[] })
  | (SectionBase<'we-say'> & { verdict: Verdict })
  | (SectionBase<'data-analysis'> & { analysis: DataAnalysis })
  | (SectionBase<'matchday-crowd'> & { venue: string; crowd: CrowdEstimate; factIds: string[] });

export interface PreviewLineup {
  team: string;
  formation: string;
  /** Eleven names in formation order, goalkeeper first. */
  players: string[];
  /** The same names in the formation's lines: goalkeeper, then each outfield line from the back. */
  lines: string[][];
  factIds: string[];
}

export interface PreviewFurniture {
  tie: TieBox | null;
  /** Each side's form guide in its league and across the competitions the data covers. */
  form: FormGuide[];
  headToHead: HeadToHeadBox | null;
}

/** A second leg: the first leg, the aggregate, and what each side needs on the night. */
export interface TieBox {
  /** `Liverpool 0-3 Atalanta`. */
  firstLeg: string;
  /** Aggregate goals of this fixture's home and away sides before the second leg. */
  aggregate: { home: number; away: number };
  /** What each side needs, in words, the home side first; a side is left out when its needs are not known. */
  needs: { team: string; text: string }[];
  factIds: string[];
}

export type FormLetter = 'W' | 'D' | 'L';

export interface FormGuide {
  team: string;
  /** What the results cover, as the facts word it: `Serie A`, `all competitions`, `league and European matches`. */
  scope: string;
  /** Oldest first. */
  results: FormLetter[];
  factIds: string[];
}

/** Every meeting in the data, from the fixture's home side's point of view. */
export interface HeadToHeadBox {
  meetings: number;
  homeWins: number;
  draws: number;
  awayWins: number;
  homeGoals: number;
  awayGoals: number;
  /** `2024-04-11 Liverpool 0-3 Atalanta (UEFA Europa League)`. */
  lastMeeting: string | null;
  factIds: string[];
}

/** "We say": a scoreline for this match and, in a tie, who goes through and how. */
export interface Verdict {
  homeGoals: number;
  awayGoals: number;
  tie?: TieVerdict;
  factIds: string[];
}

export interface TieVerdict {
  winner: 'home' | 'away';
  /** Aggregate goals of this fixture's home and away teams over both legs (extra time included). */
  aggregateHome: number;
  aggregateAway: number;
  decidedBy: 'normal-time' | 'extra-time' | 'penalties';
}

/** The numbers behind "Data analysis"; probabilities are in [0, 1]. */
export interface DataAnalysis {
  /** What produced the numbers, e.g. "Dixon-Coles fitted on 18,011 matches before 2024-04-18". */
  model: string;
  result: { home: number; draw: number; away: number };
  /** Most likely scorelines within each result, most likely first. */
  scorelines: { homeWin: ScorelineProbability[]; draw: ScorelineProbability[]; awayWin: ScorelineProbability[] };
  /** Match total goals, e.g. lines 2.5 and 3.5. */
  totals: OverUnder[];
  bothTeamsToScore: { yes: number; no: number };
  teamGoals: { home: OverUnder[]; away: OverUnder[] };
  /** Two-legged ties: each side's chance to go through, split by how. */
  tie?: { home: TieOutcome; away: TieOutcome };
  /** Once the match is played: its score and the probability the model gave it beforehand. */
  actual?: { homeGoals: number; awayGoals: number; probability: number };
  factIds: string[];
}

export interface ScorelineProbability {
  home: number;
  away: number;
  probability: number;
}

export interface OverUnder {
  line: number;
  over: number;
  under: number;
}

/** `total` = inNormalTime + inExtraTime + onPenalties. */
export interface TieOutcome {
  total: number;
  inNormalTime: number;
  inExtraTime: number;
  onPenalties: number;
}

export interface MatchReceipt {
  matchId: number;
  /** e.g. `2024-04-11 Liverpool 0-3 Atalanta (Europa League)`. */
  label: string;
}

/** A non-match receipt: the file and line a fact was read from (a dossier entry, a saved model). */
export interface DocumentReceipt {
  file: string;
  line: number;
  label: string;
}

export interface PreviewFact {
  /** Unique within the preview; sentences cite it. */
  id: string;
  /** e.g. `form`, `streak`, `head-to-head`, `team-news`, `crowd`. */
  kind: string;
  matches: MatchReceipt[];
  documents: DocumentReceipt[];
}

/** The receipt label of a played match: `2024-04-11 Liverpool 0-3 Atalanta (Europa League)`. */
export function matchReceiptLabel(match: {
  date: string;
  home: string;
  away: string;
  homeGoals: number;
  awayGoals: number;
  competition: string;
}): string {
  return `${match.date} ${match.home} ${match.homeGoals}-${match.awayGoals} ${match.away} (${match.competition})`;
}

/** Every sentence, quote, line-up, verdict and table cites facts; returns each cited id once, in reading order. */
export function citedFactIds(preview: Preview): string[] {
  const ids: string[] = [];
  const cite = (factIds: readonly string[]) => ids.push(...factIds);
  const paragraphs = (list: readonly Paragraph[]) => {
    for (const paragraph of list) {
      if (paragraph.kind === 'quote') cite(paragraph.factIds);
      else for (const sentence of paragraph.sentences) cite(sentence.factIds);
    }
  };
  paragraphs(preview.intro);
  // The renderers show the tie box under the standfirst, the form guides and head-to-head after the match preview.
  if (preview.furniture.tie) cite(preview.furniture.tie.factIds);
  for (const section of preview.sections) {
    // The order matches the renderers: a section's structured part comes before its paragraphs, except the
    // verdict, which closes the argument for it.
    if (section.id === 'possible-line-ups') for (const lineup of section.lineups) cite(lineup.factIds);
    if (section.id === 'data-analysis') cite(section.analysis.factIds);
    if (section.id === 'matchday-crowd') cite(section.factIds);
    paragraphs(section.paragraphs);
    if (section.id === 'we-say') cite(section.verdict.factIds);
    if (section.id === 'match-preview') {
      for (const guide of preview.furniture.form) cite(guide.factIds);
      if (preview.furniture.headToHead) cite(preview.furniture.headToHead.factIds);
    }
  }
  return [...new Set(ids)];
}

/**
 * Checks what the types cannot: fact ids are unique and every cited id exists, probabilities are finite and in [0, 1],
 * tie splits add up, and a tie verdict agrees with its own aggregate. Renderers call it so a broken Preview fails
 * loudly instead of printing a claim without its receipts.
 */
export function checkPreview(preview: Preview): void {
  const known = new Set<string>();
  for (const fact of preview.facts) {
    if (known.has(fact.id)) fail(`fact id ${fact.id} is used twice`, `facts.${fact.id}`);
    known.add(fact.id);
  }
  for (const id of citedFactIds(preview)) {
    if (!known.has(id)) fail(`a sentence cites fact ${id}, which the preview does not list`, `facts.${id}`);
  }
  for (const section of preview.sections) {
    if (section.id === 'data-analysis') checkAnalysis(section.analysis);
    if (section.id === 'we-say' && section.verdict.tie) checkTieVerdict(section.verdict.tie);
  }
}

/** The JSON preview: the checked Preview object itself, indented, fact ids and receipts included. */
export function renderJson(preview: Preview): string {
  checkPreview(preview);
  return `${JSON.stringify(preview, null, 2)}\n`;
}

function checkAnalysis(analysis: DataAnalysis): void {
  const probability = (value: number, field: string) => {
    if (!(Number.isFinite(value) && value >= 0 && value <= 1)) {
      fail(`probability must be a number in [0, 1], got ${value}`, `analysis.${field}`);
    }
  };
  for (const key of ['home', 'draw', 'away'] as const) probability(analysis.result[key], `result.${key}`);
  for (const key of ['homeWin', 'draw', 'awayWin'] as const) {
    analysis.scorelines[key].forEach((s, i) => probability(s.probability, `scorelines.${key}.${i}`));
  }
  const lines = [
    ...analysis.totals.map((line) => ({ line, field: 'totals' })),
    ...analysis.teamGoals.home.map((line) => ({ line, field: 'teamGoals.home' })),
    ...analysis.teamGoals.away.map((line) => ({ line, field: 'teamGoals.away' })),
  ];
  for (const { line, field } of lines) {
    probability(line.over, `${field}.${line.line}.over`);
    probability(line.under, `${field}.${line.line}.under`);
  }
  probability(analysis.bothTeamsToScore.yes, 'bothTeamsToScore.yes');
  probability(analysis.bothTeamsToScore.no, 'bothTeamsToScore.no');
  if (analysis.actual) probability(analysis.actual.probability, 'actual.probability');
  if (analysis.tie) {
    for (const side of ['home', 'away'] as const) {
      const outcome = analysis.tie[side];
      for (const key of ['total', 'inNormalTime', 'inExtraTime', 'onPenalties'] as const) {
        probability(outcome[key], `tie.${side}.${key}`);
      }
      const parts = outcome.inNormalTime + outcome.inExtraTime + outcome.onPenalties;
      if (Math.abs(parts - outcome.total) > 1e-6) {
        fail(`the ways through add up to ${parts}, not the total ${outcome.total}`, `analysis.tie.${side}`);
      }
    }
  }
}

function checkTieVerdict(tie: TieVerdict): void {
  const level = tie.aggregateHome === tie.aggregateAway;
  const winnerAhead =
    tie.winner === 'home' ? tie.aggregateHome > tie.aggregateAway : tie.aggregateAway > tie.aggregateHome;
  if (tie.decidedBy === 'penalties' ? !level : !winnerAhead) {
    fail(
      `a ${tie.aggregateHome}-${tie.aggregateAway} aggregate cannot be won by the ${tie.winner} side ` +
        (tie.decidedBy === 'penalties' ? 'on penalties' : `in ${tie.decidedBy}`),
      'verdict.tie',
    );
  }
}

function fail(message: string, field: string): never {
  throw new MatchdayError('INVALID_PREVIEW', message, { field });
}
