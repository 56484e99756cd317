import { MatchdayError } from '../errors.js';
import type { Markets, Scoreline } from '../forecast/markets.js';
import type { Paragraph, Sentence, TieVerdict, Verdict } from './preview-document.js';
import type { WriteContext } from './write-context.js';
import type { FormFact } from '../insights/facts.js';
import type { Dossier } from './dossier.js';
import { counted, numberWord, percent } from './write-english.js';
import { citeTeamNews } from './write-team-news.js';
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

/** What "We say" argues from besides the model: each side's recent form and who is missing. */
export interface VerdictArguments {
  form: { home: FormFact | null; away: FormFact | null };
  dossier: Dossier | null;
}

/**
 * "We say": two or three argued sentences — the model's view of the night, recent form, who is missing — then the
 * scoreline and, in a tie, what it means over the two legs. The 1X2 is stated here and nowhere else in prose.
 */
export function writeVerdict(
  ctx: WriteContext,
  forecast: ForecastNumbers,
  firstLeg: FirstLegScore | null,
  tie: TieNumbers | null,
  args: VerdictArguments,
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
  const favourite = choice.result === 'home' ? 'home' : choice.result === 'away' ? 'away' : null;
  const score = `${choice.score.home}-${choice.score.away}`;
  if (favourite) {
    const [fav, other] = favourite === 'home' ? [home, away] : [away, home];
    const pOther = favourite === 'home' ? result.away : result.home;
    const pFavourite = favourite === 'home' ? result.home : result.away;
    sentences.push({
      text: ctx.pick([
        `The model makes ${fav} favourites on the night: ${percent(pFavourite)} to win, against ${percent(result.draw)} for a draw and ${percent(pOther)} for ${other}.`,
        `On the night, ${fav} win ${percent(pFavourite)} of the time in the model, ${other} ${percent(pOther)}, with ${percent(result.draw)} left for the draw.`,
      ]),
      factIds: [forecast.factId],
    });
  } else {
    sentences.push({
      text: `A draw is the model's most likely result (${percent(result.draw)}, against ${percent(result.home)} for ${home} and ${percent(result.away)} for ${away}).`,
      factIds: [forecast.factId],
    });
  }
  const form = formArgument(ctx, args.form, favourite);
  if (form) sentences.push(form);
  const news = args.dossier ? teamNewsArgument(ctx, args.dossier) : null;
  if (news) sentences.push(news);

  const likeliest = `${choice.rank === 0 ? "The model's most likely" : "One of the model's most likely"} ${favourite ? `${favourite === 'home' ? home : away} win` : 'draw'} is ${score} (${percent(choice.score.probability)})`;
  if (choice.tie && tie && firstLeg) {
    const through = choice.tie.winner === 'home' ? home : away;
    const how =
      choice.tie.decidedBy === 'normal-time'
        ? `would send ${through} through ${Math.max(choice.tie.aggregateHome, choice.tie.aggregateAway)}-${Math.min(choice.tie.aggregateHome, choice.tie.aggregateAway)} on aggregate`
        : choice.tie.decidedBy === 'extra-time'
          ? `would take the tie to extra time, where ${through} are the likelier winners`
          : `would take the tie to penalties, where ${through} are the likelier winners`;
    sentences.push({
      text: `${likeliest}, which ${how}.`,
      factIds: [forecast.factId, firstLeg.factId, tie.factId],
    });
  } else {
    sentences.push({ text: `${likeliest}.`, factIds: [forecast.factId] });
  }
  return { verdict, paragraphs: [{ kind: 'text', sentences }] };
}

/** "Form points the same way: Liverpool have won two of their last six, Atalanta three." */
function formArgument(
  ctx: WriteContext,
  form: VerdictArguments['form'],
  favourite: 'home' | 'away' | null,
): Sentence | null {
  const { home, away } = form;
  if (!home || !away) return null;
  const ofLast = (f: FormFact) => `${numberWord(f.wins)} of their last ${numberWord(f.results.length)}`;
  const points = (f: FormFact) => (3 * f.wins + f.draws) / f.results.length;
  const factIds = [ctx.cite(home), ctx.cite(away)];
  if (favourite === null) {
    return {
      text: `${ctx.home.name} have won ${ofLast(home)}, ${ctx.away.name} ${ofLast(away)}.`,
      factIds,
    };
  }
  const [fav, other] = favourite === 'home' ? [home, away] : [away, home];
  const [favName, otherName] = favourite === 'home' ? [ctx.home.name, ctx.away.name] : [ctx.away.name, ctx.home.name];
  const lead =
    points(fav) > points(other)
      ? 'Recent form agrees'
      : points(fav) < points(other)
        ? 'Recent form says otherwise'
        : 'Recent form does not separate them';
  const otherWins = other.results.length === fav.results.length ? numberWord(other.wins) : `${ofLast(other)}`;
  return { text: `${lead}: ${favName} have won ${ofLast(fav)}, ${otherName} ${otherWins}.`, factIds };
}

/** "Liverpool are missing four players, Conor Bradley among them; Atalanta only Giorgio Scalvini." */
function teamNewsArgument(ctx: WriteContext, dossier: Dossier): Sentence | null {
  const missing = (side: 'home' | 'away') =>
    dossier.teamNews[side]
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entry.status === 'out' || entry.status === 'suspended');
  const sides = (['home', 'away'] as const).map((side) => ({
    side,
    name: side === 'home' ? ctx.home.name : ctx.away.name,
    out: missing(side),
  }));
  if (sides.every((s) => s.out.length === 0)) return null;
  // The side missing more players first.
  sides.sort((a, b) => b.out.length - a.out.length);
  const [more, fewer] = sides;
  const factIds = sides.flatMap((s) => s.out.map(({ index }) => citeTeamNews(ctx, dossier, s.side, index)));
  const first = more.out[0].entry.player;
  const moreText =
    more.out.length === 1
      ? `${more.name} are without ${first}`
      : `${more.name} are missing ${counted(more.out.length, 'player')}, ${first} among them`;
  const fewerText =
    fewer.out.length === 0
      ? `${fewer.name} have no one ruled out`
      : fewer.out.length === 1
        ? `${fewer.name} only ${fewer.out[0].entry.player}`
        : `${fewer.name} ${counted(fewer.out.length, 'player')}`;
  const opening = more.out.length === fewer.out.length ? 'Both sides have absences' : 'Team news matters too';
  return {
    text: `${opening}: ${moreText}${more.out.length > 1 ? ';' : ','} ${fewerText}.`,
    factIds,
  };
}
