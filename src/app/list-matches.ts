/**
 * `matchday matches` and /api/matches as one function: a team's matches across competitions and sources (or a
 * competition's season), each with its scorers, its sources and the forecast stored before kick-off.
 */
import { MatchdayError } from '../errors.js';
import { reviewPreMatchForecast, type PreMatchReview } from '../history/pre-match-review.js';
import { findTeam } from '../history/team-lookup.js';
import { registryOf } from '../store/competition-store.js';
import type { Db } from '../store/database.js';
import { preMatchForecasts, type PreMatchForecast } from '../store/forecast-store.js';
import {
  findMatches,
  goalsOfMatches,
  sourcesOfMatches,
  type GoalView,
  type SourceView,
  type StoredMatchView,
} from '../store/match-queries.js';
import { checkDateOrder } from './request-checks.js';
import { readCompetitions, requireValue } from './request-values.js';

export interface MatchesRequest {
  /** A name as a user types it, or a team already found. */
  team?: string | { teamId: number; name: string; country: string | null };
  /** Code or name. Without a team, a competition and a season are needed (a whole history is too much at once). */
  competition?: string;
  season?: string;
  from?: string;
  to?: string;
}

export interface ListedMatch extends StoredMatchView {
  goals: GoalView[];
  sources: SourceView[];
  /** The forecast stored before kick-off and, once played, what it had given the score and the result. */
  preMatchForecast: PreMatchForecastView | null;
}

type StoredForecast = Pick<
  PreMatchForecast,
  'model' | 'madeAt' | 'dataBefore' | 'matchesFitted' | 'result' | 'expectedGoals' | 'scores'
>;

/** A stored forecast; once the match is played, with what it gave the score and the result that came. */
export type PreMatchForecastView =
  StoredForecast | (StoredForecast & Pick<PreMatchReview, 'scoreProbability' | 'outcome' | 'outcomeProbability'>);

export interface MatchList {
  team: { id: number; name: string; country: string | null } | null;
  count: number;
  matches: ListedMatch[];
}

export function listMatches(db: Db, request: MatchesRequest): MatchList {
  const competitionCode =
    request.competition !== undefined
      ? requireValue(readCompetitions(request.competition, registryOf(db)), request.competition, 'competition')[0]
      : undefined;
  if (request.team === undefined && !(competitionCode && request.season)) {
    throw new MatchdayError('BAD_OPTION', 'give a team, or a competition and a season', { field: 'team' });
  }
  if (request.from && request.to) checkDateOrder(request.from, request.to, { from: 'from', to: 'to' });
  const team = typeof request.team === 'string' ? findTeam(db, request.team) : request.team;
  const matches = findMatches(db, {
    teamId: team?.teamId,
    competitionCode,
    season: request.season,
    from: request.from,
    to: request.to,
  });
  const ids = matches.map((m) => m.id);
  const goals = goalsOfMatches(db, ids);
  const sources = sourcesOfMatches(db, ids);
  const forecasts = preMatchForecasts(db, ids);
  return {
    team: team ? { id: team.teamId, name: team.name, country: team.country } : null,
    count: matches.length,
    matches: matches.map((m) => {
      const forecast = forecasts.get(m.id);
      const review = forecast && m.score.ft ? reviewPreMatchForecast(forecast, m.score.ft) : null;
      return {
        ...m,
        goals: goals.get(m.id) ?? [],
        sources: sources.get(m.id) ?? [],
        preMatchForecast: forecast
          ? {
              model: forecast.model,
              madeAt: forecast.madeAt,
              dataBefore: forecast.dataBefore,
              matchesFitted: forecast.matchesFitted,
              result: forecast.result,
              expectedGoals: forecast.expectedGoals,
              scores: forecast.scores,
              ...(review && {
                scoreProbability: review.scoreProbability,
                outcome: review.outcome,
                outcomeProbability: review.outcomeProbability,
              }),
            }
          : null,
      };
    }),
  };
}
