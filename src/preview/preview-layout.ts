import { capitalise, dayMonthYear, weekday } from './write-english.js';
import type { CrowdEstimate } from './crowd.js';
import { lineupRows } from './dossier.js';
import {
  citedFactIds,
  type DataAnalysis,
  type OverUnder,
  type Preview,
  type PreviewFact,
  type PreviewFixture,
  type FormGuide,
  type HeadToHeadBox,
  type PreviewLineup,
  type TieBox,
  type ScorelineProbability,
  type TieOutcome,
  type Verdict,
} from './preview-document.js';

/**
 * What the Markdown and HTML previews both show, worked out once: titles, the verdict line, line-up rows, tables of
 * numbers and receipt lines. Renderers only add syntax and escaping.
 */

/** A small table of text cells; `numeric` columns are right-aligned. The first column labels the row. */
export interface PreviewTable {
  caption: string;
  columns: { label: string; numeric: boolean }[];
  rows: string[][];
}

export function fixtureTitle(fixture: PreviewFixture): string {
  return `${fixture.home} v ${fixture.away}`;
}

/** Competition, round and leg, date, venue: `UEFA Europa League · Quarter-final, second leg · Thursday 18 April 2024`. */
export function fixtureDetails(fixture: PreviewFixture): string[] {
  const stage = [fixture.round, fixture.leg && `${fixture.leg === 1 ? 'first' : 'second'} leg`]
    .filter(Boolean)
    .join(', ');
  return [fixture.competition, capitalise(stage), longDate(fixture.date), fixture.venue ?? ''].filter((s) => s !== '');
}

/** `2024-04-18` → `Thursday 18 April 2024` (the calendar date, whatever the machine's time zone). */
export function longDate(isoDate: string): string {
  return `${weekday(isoDate)} ${dayMonthYear(isoDate)}`;
}

/** The scoreline and, in a tie, how it ends: `Atalanta 2-3 Liverpool` and `Atalanta win 5-3 on aggregate`. */
export function verdictParts(fixture: PreviewFixture, verdict: Verdict): { score: string; tie: string | null } {
  const score = `${fixture.home} ${verdict.homeGoals}-${verdict.awayGoals} ${fixture.away}`;
  const tie = verdict.tie;
  if (!tie) return { score, tie: null };
  const winner = tie.winner === 'home' ? fixture.home : fixture.away;
  if (tie.decidedBy === 'penalties') {
    return { score, tie: `${tie.aggregateHome}-${tie.aggregateAway} on aggregate; ${winner} win on penalties` };
  }
  const [winnerGoals, loserGoals] =
    tie.winner === 'home' ? [tie.aggregateHome, tie.aggregateAway] : [tie.aggregateAway, tie.aggregateHome];
  const after = tie.decidedBy === 'extra-time' ? ' after extra time' : '';
  return { score, tie: `${winner} win ${winnerGoals}-${loserGoals} on aggregate${after}` };
}

/** `Musso; De Roon, Djimsiti, Hien; Zappacosta, Pasalic, Ederson, Ruggeri; Koopmeiners; Scamacca, De Ketelaere`. */
export function lineupLine(lineup: PreviewLineup): string {
  return lineupRows(lineup)
    .map((row) => row.join(', '))
    .join('; ');
}

/** The tie box: the first leg, the aggregate (home side first) and what each side needs. */
export function tieBoxTable(box: TieBox, fixture: PreviewFixture): PreviewTable {
  return {
    caption: 'The tie',
    columns: [column(''), column(fixtureTitle(fixture))],
    rows: [
      ['First leg', box.firstLeg],
      ['Aggregate', `${fixture.home} ${box.aggregate.home}-${box.aggregate.away} ${fixture.away}`],
      ...box.needs.map((need) => [need.team, need.text]),
    ],
  };
}

/** The form guides: one row per team and scope, results oldest first. */
export function formGuideTable(guides: readonly FormGuide[]): PreviewTable {
  return {
    caption: 'Form guide (oldest first)',
    columns: [column('Team'), column('Matches'), column('Results')],
    rows: guides.map((g) => [g.team, g.scope, g.results.join(' ')]),
  };
}

/** The head-to-head summary, from the home side's point of view. */
export function headToHeadTable(box: HeadToHeadBox, fixture: PreviewFixture): PreviewTable {
  return {
    caption: 'Head to head (every meeting in the data)',
    columns: [column(''), column(fixtureTitle(fixture))],
    rows: [
      ['Meetings', String(box.meetings)],
      [`${fixture.home} wins`, String(box.homeWins)],
      ['Draws', String(box.draws)],
      [`${fixture.away} wins`, String(box.awayWins)],
      ['Goals', `${fixture.home} ${box.homeGoals}, ${fixture.away} ${box.awayGoals}`],
      ...(box.lastMeeting ? [['Last meeting', box.lastMeeting]] : []),
    ],
  };
}

/** Footnote numbers: facts numbered 1, 2, … in the order the preview first cites them. */
export function factNumbers(preview: Preview): Map<string, number> {
  return new Map(citedFactIds(preview).map((id, index) => [id, index + 1]));
}

/** `Head to head` from `head-to-head`. */
export function factKindLabel(fact: PreviewFact): string {
  return capitalise(fact.kind.replace(/[-_]+/g, ' '));
}

/** One line per receipt: the match labels, then dossier (or other file) entries with their place. */
export function receiptLines(fact: PreviewFact): string[] {
  return [
    ...fact.matches.map((match) => match.label),
    ...fact.documents.map((doc) => `${doc.label} (${doc.file}:${doc.line})`),
  ];
}

export function formatPercent(probability: number): string {
  if (probability > 0 && probability < 0.0005) return '<0.1%';
  return `${(probability * 100).toFixed(1)}%`;
}

/**
 * `16000` → `16,000`, rounded to a whole number (halves away from zero), as en-GB writes it. Grouped by hand: the
 * first Intl number format costs a command about 25 ms of ICU start-up.
 */
export function formatCount(count: number): string {
  const digits = String(Math.round(Math.abs(count))).replace(/\B(?=(\d{3})+$)/g, ',');
  return count <= -0.5 ? `-${digits}` : digits;
}

export function analysisTables(analysis: DataAnalysis, fixture: PreviewFixture): PreviewTable[] {
  const { home, away } = fixture;
  const tables: PreviewTable[] = [
    {
      caption: 'Result after 90 minutes',
      columns: [column('Outcome'), column('Probability', true)],
      rows: [
        [`${home} win`, formatPercent(analysis.result.home)],
        ['Draw', formatPercent(analysis.result.draw)],
        [`${away} win`, formatPercent(analysis.result.away)],
      ],
    },
  ];
  const { homeWin, draw, awayWin } = analysis.scorelines;
  const depth = Math.max(homeWin.length, draw.length, awayWin.length);
  if (depth > 0) {
    const cell = (list: ScorelineProbability[], i: number) =>
      list[i] ? `${list[i].home}-${list[i].away} (${formatPercent(list[i].probability)})` : '';
    tables.push({
      caption: `Most likely scorelines (${home} goals first)`,
      columns: [column(`${home} win`, true), column('Draw', true), column(`${away} win`, true)],
      rows: Array.from({ length: depth }, (_, i) => [cell(homeWin, i), cell(draw, i), cell(awayWin, i)]),
    });
  }
  const goalRow = (label: string, line: OverUnder) => [
    `${label} ${line.line}`,
    formatPercent(line.over),
    formatPercent(line.under),
  ];
  tables.push({
    caption: 'Goals',
    columns: [column('Market'), column('Over / yes', true), column('Under / no', true)],
    rows: [
      ...analysis.totals.map((line) => goalRow('Match goals', line)),
      ['Both teams score', formatPercent(analysis.bothTeamsToScore.yes), formatPercent(analysis.bothTeamsToScore.no)],
      ...analysis.teamGoals.home.map((line) => goalRow(`${home} goals`, line)),
      ...analysis.teamGoals.away.map((line) => goalRow(`${away} goals`, line)),
    ],
  });
  const tie = analysis.tie;
  if (tie) {
    const tieRow = (team: string, outcome: TieOutcome) => [
      team,
      ...[outcome.total, outcome.inNormalTime, outcome.inExtraTime, outcome.onPenalties].map(formatPercent),
    ];
    tables.push({
      // The tie's numbers are not read off the score grid above: the tie model plays the second leg with rates
      // that move with the state of the tie (docs/ties.md), and adds extra time and penalties.
      caption:
        'Who goes through (the tie model: scoring rates that change with the state of the tie, not the grid above)',
      columns: [
        column('Team'),
        column('Overall', true),
        column('In normal time', true),
        column('In extra time', true),
        column('On penalties', true),
      ],
      rows: [tieRow(home, tie.home), tieRow(away, tie.away)],
    });
  }
  if (analysis.actual) {
    const { homeGoals, awayGoals, probability } = analysis.actual;
    tables.push({
      caption: 'After the match',
      columns: [column('Actual score'), column('Probability beforehand', true)],
      rows: [[`${home} ${homeGoals}-${awayGoals} ${away}`, formatPercent(probability)]],
    });
  }
  return tables;
}

export function crowdTable(venue: string, crowd: CrowdEstimate): PreviewTable {
  const rows: string[][] = [['Capacity for this match', formatCount(crowd.capacity)]];
  if (crowd.normalCapacity !== null) rows.push(['Normal capacity', formatCount(crowd.normalCapacity)]);
  if (crowd.seatsOutOfUse !== null) rows.push(['Seats out of use', formatCount(crowd.seatsOutOfUse)]);
  if (crowd.announcedAllocation !== null)
    rows.push(['Away allocation as announced', formatCount(crowd.announcedAllocation)]);
  if (crowd.rule && crowd.ruleAllocation !== null) {
    rows.push([`Away allocation by the rule (${crowd.rule.description})`, formatCount(crowd.ruleAllocation)]);
  }
  if (crowd.capacityImpliedByAnnouncement !== null && crowd.announcedMinusRule !== 0) {
    rows.push([
      'Capacity at which the rule gives the announced allocation',
      formatCount(crowd.capacityImpliedByAnnouncement),
    ]);
  }
  if (crowd.awayClubSeats !== null) rows.push(["Away club's own seats", formatCount(crowd.awayClubSeats)]);
  rows.push(
    ['Away fans', formatCount(crowd.awayFans)],
    ['Home fans', formatCount(crowd.homeFans)],
    [
      'Home fans per away fan',
      `${crowd.homeFansPerAwayFan.toFixed(1)} (about ${formatCount(crowd.outnumberedAbout)} to one)`,
    ],
  );
  return { caption: `Matchday crowd at ${venue}`, columns: [column('Figure'), column('Number', true)], rows };
}

function column(label: string, numeric = false): { label: string; numeric: boolean } {
  return { label, numeric };
}
