import { buildFitHistory } from '../history/fit-history.js';
import { yearsBefore } from '../history/fit-scope.js';
import { runElo } from '../models/ratings/elo.js';
import type { Db } from '../store/database.js';
import { competitionCodes, type StoredMatchView } from '../store/match-queries.js';
import type { RatingPoint } from './charts/rating-chart.js';

/** Years of matches Elo runs over before the plotted span: every team starts at the same rating and needs time to settle. */
const BURN_IN_YEARS = 3;
const PLOTTED_YEARS = 5;

/**
 * A team's Elo rating going into each of its matches over its last five years in the data (and after its last),
 * run over its leagues and the continental competitions, which link the leagues' scales.
 */
export function teamRatingHistory(db: Db, teamId: number, matches: readonly StoredMatchView[]): RatingPoint[] {
  const played = matches.filter((m) => m.score.ft !== null && (m.status === 'played' || m.status === 'awarded'));
  const last = played.at(-1);
  if (!last) return [];
  const plotFrom = yearsBefore(last.date, PLOTTED_YEARS);
  const from = yearsBefore(plotFrom, BURN_IN_YEARS);
  const leagues = new Set(
    played.filter((m) => m.competition.kind === 'league' && m.date >= from).map((m) => m.competition.code),
  );
  const competitions = [...leagues, ...competitionCodes(db, 'continental')];
  const dayAfterLast = new Date(Date.parse(`${last.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const history = buildFitHistory(db, { competitions, from, before: dayAfterLast });
  const index = history.teamIds.indexOf(teamId);
  if (index < 0) return [];
  const run = runElo(history.data);
  const points: RatingPoint[] = [];
  history.matches.forEach((m, i) => {
    if (m.date < plotFrom) return;
    if (m.homeTeamId === teamId) points.push({ date: m.date, rating: run.preHome[i] });
    else if (m.awayTeamId === teamId) points.push({ date: m.date, rating: run.preAway[i] });
  });
  if (points.length > 0) points.push({ date: last.date, rating: run.ratings[index] });
  return points;
}
