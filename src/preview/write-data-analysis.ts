import type { Markets, TotalLine } from '../forecast/markets.js';
import type { DataAnalysis, OverUnder, Paragraph, Sentence } from './preview-document.js';
import type { WriteContext } from './write-context.js';
import { ordinalPrefix, percent } from './write-english.js';
import type { ForecastNumbers, TieNumbers } from './write-forecast-input.js';

/**
 * "Data analysis": the model's numbers for the match (1X2, the likeliest scorelines of each result, goal lines, both
 * teams to score, each side's goals), the tie, and once the match is in the database the probability the model gave
 * the actual score. The tables come from the DataAnalysis object; the sentences pick out what a reader wants first.
 */

/** Scorelines listed per result. */
const SCORELINES_PER_RESULT = 3;
const TOTAL_LINES = [2.5, 3.5];

/** The played match: its score after 90 minutes (what the model forecasts) and the fact citing it. */
export interface ActualResult {
  goals: { home: number; away: number };
  /** The match went to extra time: the score above is the 90-minute one. */
  extraTime: boolean;
  factId: string;
}

export function writeDataAnalysis(
  ctx: WriteContext,
  forecast: ForecastNumbers,
  tie: TieNumbers | null,
  actual: ActualResult | null,
): { analysis: DataAnalysis; paragraphs: Paragraph[] } {
  const { markets } = forecast;
  const shownActual = actual && !forecast.sawTheMatch && fitsGrid(markets, actual) ? actual : null;
  const analysis: DataAnalysis = {
    model: forecast.description,
    result: { home: markets.result.home, draw: markets.result.draw, away: markets.result.away },
    scorelines: {
      homeWin: markets.scoreAnalysis.homeWin.slice(0, SCORELINES_PER_RESULT).map((s) => ({ ...s })),
      draw: markets.scoreAnalysis.draw.slice(0, SCORELINES_PER_RESULT).map((s) => ({ ...s })),
      awayWin: markets.scoreAnalysis.awayWin.slice(0, SCORELINES_PER_RESULT).map((s) => ({ ...s })),
    },
    totals: markets.totals.filter((t) => TOTAL_LINES.includes(t.line)).map(overUnder),
    bothTeamsToScore: { yes: markets.bothTeamsToScore.yes, no: markets.bothTeamsToScore.no },
    teamGoals: { home: markets.teamTotals.home.map(overUnder), away: markets.teamTotals.away.map(overUnder) },
    ...(tie && { tie: { home: { ...tie.home }, away: { ...tie.away } } }),
    ...(shownActual && {
      actual: {
        homeGoals: shownActual.goals.home,
        awayGoals: shownActual.goals.away,
        probability: markets.correctScore.probability(shownActual.goals.home, shownActual.goals.away),
      },
    }),
    factIds: [forecast.factId, ...(tie ? [tie.factId] : []), ...(shownActual ? [shownActual.factId] : [])],
  };

  const home = ctx.home.name;
  const away = ctx.away.name;
  const model = [forecast.factId];
  const sentences: Sentence[] = [
    {
      // The 1X2 itself is stated once, in "We say"; the table above lists it.
      text: `The model expects ${forecast.expectedGoals.home.toFixed(2)} goals from ${home} and ${forecast.expectedGoals.away.toFixed(2)} from ${away}.`,
      factIds: model,
    },
  ];
  const top = markets.scoreAnalysis.overall[0];
  if (top) {
    sentences.push({
      text: `Its single most likely score is ${home} ${top.home}-${top.away} ${away} (${percent(top.probability)}).`,
      factIds: model,
    });
  }
  const over25 = analysis.totals.find((t) => t.line === 2.5);
  if (over25) {
    const goals =
      over25.over >= 0.5
        ? `Three or more goals is likelier than not (${percent(over25.over)})`
        : `Two goals or fewer is the likelier (${percent(over25.under)})`;
    sentences.push({
      text: `${goals}, and both teams score in ${percent(analysis.bothTeamsToScore.yes)} of the model's outcomes.`,
      factIds: model,
    });
  }
  if (tie) {
    const leader = tie.home.total >= tie.away.total ? 'home' : 'away';
    const outcome = tie[leader];
    sentences.push({
      text: `Over the two legs, ${leader === 'home' ? home : away} go through ${percent(outcome.total)} of the time: ${percent(outcome.inNormalTime)} within 90 minutes, ${percent(outcome.inExtraTime)} in extra time and ${percent(outcome.onPenalties)} on penalties.`,
      factIds: [forecast.factId, tie.factId],
    });
  }
  if (analysis.actual && shownActual) {
    const { homeGoals, awayGoals, probability } = analysis.actual;
    const rank = scoreRank(markets, homeGoals, awayGoals);
    const after = shownActual.extraTime ? ' after 90 minutes' : '';
    sentences.push({
      text: `The match ended ${home} ${homeGoals}-${awayGoals} ${away}${after}; the model had given that score ${percent(probability)} beforehand, its ${ordinalPrefix(rank)}most likely score.`,
      factIds: [forecast.factId, shownActual.factId],
    });
  }
  return { analysis, paragraphs: [{ kind: 'text', sentences }] };
}

function overUnder(line: TotalLine): OverUnder {
  return { line: line.line, over: line.over.win, under: line.under.win };
}

function fitsGrid(markets: Markets, actual: ActualResult): boolean {
  return actual.goals.home <= markets.maxGoals && actual.goals.away <= markets.maxGoals;
}

/** 1 + the number of scores the model found strictly likelier. */
function scoreRank(markets: Markets, home: number, away: number): number {
  const p = markets.correctScore.probability(home, away);
  return 1 + markets.correctScore.list().filter((s) => s.probability > p).length;
}
