import { MatchdayError } from '../errors.js';
import type { Markets, Scoreline } from '../forecast/markets.js';
import type { Paragraph, Sentence, TieVerdict, Verdict } from './preview-document.js';
import type { WriteContext } from './write-context.js';
import { percent, possessive } from './write-english.js';
import type { FirstLegScore, ForecastNumbers, TieNumbers } from './write-forecast-input.js';

/**
 * "We say": the model's most likely result, the most likely scoreline within that result, and for a second leg who
 * that scoreline sends through. The scoreline is always the top score of the most likely result, so the verdict
 * never names a score the model finds unlikely for it; the one exception is a score whose tie outcome the Preview
 * cannot state (a level aggregate settled by away goals), where the next most likely score of the same result is
 * taken.
 */
export type ResultKey = 'home' | 'draw' | 'away';

export interface VerdictChoice {
  result: ResultKey;
  score: Scoreline;
  /** Where the score stands among the result's most likely scores (0 = the most likely). */
  rank: number;
  tie: TieVerdict | null;
}

export function chooseVerdict(markets: Markets, firstLeg: FirstLegScore | null, tie: TieNumbers | null): VerdictChoice {
  const { home, draw, away } = markets.result;
  const result: ResultKey = home >= draw && home >= away ? 'home' : draw >= away ? 'draw' : 'away';
  const scores = scoresOf(markets, result);
  for (let rank = 0; rank < scores.length; rank++) {
    const score = scores[rank];
    if (!firstLeg || !tie) return { result, score, rank, tie: null };
    const tieVerdict = tieAfter(score, firstLeg, tie);
    if (tieVerdict) return { result, score, rank, tie: tieVerdict };
  }
  throw new MatchdayError('PREVIEW_NO_VERDICT', `no likely ${result} score gives a tie outcome the preview can state`);
}

export function scoresOf(markets: Markets, result: ResultKey): Scoreline[] {
  const analysis = markets.scoreAnalysis;
  return result === 'home' ? analysis.homeWin : result === 'draw' ? analysis.draw : analysis.awayWin;
}

/**
 * The tie after a second-leg score. Level on aggregate: extra time or penalties, won by the side the tie numbers
 * favour from there, by the way it most often wins (a goal in extra time, or the shoot-out). Null when away goals
 * would settle it (the Preview's verdict has no way to say so).
 */
function tieAfter(score: Scoreline, firstLeg: FirstLegScore, tie: TieNumbers): TieVerdict | null {
  const aggregateHome = firstLeg.goals.home + score.home;
  const aggregateAway = firstLeg.goals.away + score.away;
  if (aggregateHome !== aggregateAway) {
    return {
      winner: aggregateHome > aggregateAway ? 'home' : 'away',
      aggregateHome,
      aggregateAway,
      decidedBy: 'normal-time',
    };
  }
  // This match's hosts played the first leg away: their away goals are their first-leg goals.
  if (tie.awayGoalsRule && firstLeg.goals.home !== score.away) return null;
  const fromExtraTime = (side: 'home' | 'away') => tie[side].inExtraTime + tie[side].onPenalties;
  const winner = fromExtraTime('home') >= fromExtraTime('away') ? 'home' : 'away';
  const way = tie[winner].inExtraTime > tie[winner].onPenalties ? 'extra-time' : 'penalties';
  if (way === 'penalties') return { winner, aggregateHome, aggregateAway, decidedBy: 'penalties' };
  return {
    winner,
    aggregateHome: aggregateHome + (winner === 'home' ? 1 : 0),
    aggregateAway: aggregateAway + (winner === 'away' ? 1 : 0),
    decidedBy: 'extra-time',
  };
}

export function writeVerdict(
  ctx: WriteContext,
  forecast: ForecastNumbers,
  firstLeg: FirstLegScore | null,
  tie: TieNumbers | null,
): { verdict: Verdict; paragraphs: Paragraph[] } {
  const choice = chooseVerdict(forecast.markets, firstLeg, tie);
  const factIds = [forecast.factId, ...(choice.tie && firstLeg && tie ? [firstLeg.factId, tie.factId] : [])];
  const verdict: Verdict = {
    homeGoals: choice.score.home,
    awayGoals: choice.score.away,
    ...(choice.tie && { tie: choice.tie }),
    factIds,
  };
  const home = ctx.home.name;
  const away = ctx.away.name;
  const { result } = forecast.markets;
  const sentences: Sentence[] = [];
  const favourite = choice.result === 'home' ? home : choice.result === 'away' ? away : null;
  const score = `${choice.score.home}-${choice.score.away}`;
  if (favourite) {
    const other = choice.result === 'home' ? away : home;
    const pOther = choice.result === 'home' ? result.away : result.home;
    const pFavourite = choice.result === 'home' ? result.home : result.away;
    sentences.push({
      text: ctx.pick([
        `The model makes ${favourite} favourites on the night: ${percent(pFavourite)} to win, against ${percent(result.draw)} for a draw and ${percent(pOther)} for ${other}.`,
        `On the night, ${favourite} win ${percent(pFavourite)} of the time in the model, ${other} ${percent(pOther)}, with ${percent(result.draw)} left for the draw.`,
      ]),
      factIds: [forecast.factId],
    });
    sentences.push({
      text: `${choice.rank === 0 ? 'Its most likely' : 'One of its most likely'} ${favourite} win is ${score} (${percent(choice.score.probability)}).`,
      factIds: [forecast.factId],
    });
  } else {
    sentences.push({
      text: `A draw is the model's most likely result (${percent(result.draw)}, against ${percent(result.home)} for ${home} and ${percent(result.away)} for ${away}), and ${score} its most likely draw (${percent(choice.score.probability)}).`,
      factIds: [forecast.factId],
    });
  }
  if (choice.tie && tie && firstLeg) {
    const through = choice.tie.winner === 'home' ? home : away;
    const chance = tie[choice.tie.winner].total;
    const how =
      choice.tie.decidedBy === 'normal-time'
        ? `would send ${through} through ${Math.max(choice.tie.aggregateHome, choice.tie.aggregateAway)}-${Math.min(choice.tie.aggregateHome, choice.tie.aggregateAway)} on aggregate`
        : choice.tie.decidedBy === 'extra-time'
          ? `would take the tie to extra time, where ${through} are the likelier winners`
          : `would take the tie to penalties, where ${through} are the likelier winners`;
    sentences.push({
      text: ctx.pick([
        `That ${how}; over the two legs the model gives ${through} a ${percent(chance)} chance of going through.`,
        `Such a result ${how}, and the model puts ${possessive(through)} chance of progressing at ${percent(chance)}.`,
      ]),
      factIds: [forecast.factId, firstLeg.factId, tie.factId],
    });
  }
  return { verdict, paragraphs: [{ kind: 'text', sentences }] };
}
