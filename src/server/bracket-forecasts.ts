import { tieModelFromRates, type TieModel } from '../forecast/bracket-odds.js';
import { forecastBracketState, type BracketReport } from '../forecast/bracket-forecast.js';
import { DEFAULT_MODEL_OPTIONS, type SavedModel } from '../forecast/match-model.js';
import { TieForecaster } from '../evaluate/tie-forecaster.js';
import { MatchdayError } from '../errors.js';
import { findCompetition } from '../ingest/competitions.js';
import { bracketState, type BracketState } from '../history/bracket-state.js';
import { tieRules, UEFA_NO_AWAY_GOALS_ERA, type TieRules, type TieTeam } from '../history/ties.js';
import type { Db } from '../store/database.js';
import { LruCache } from './lru-cache.js';

export interface BracketModelDescription {
  family: string;
  data: SavedModel['data'];
  extraTimeScale: number;
  penaltyHomeWin: number;
  rules: TieRules;
}

export type BracketForecast = BracketReport & { model: BracketModelDescription | null };

/**
 * Brackets with each team's round-by-round chances, priced as `matchday bracket` prices them (the tie forecaster's
 * goal model on the top flights and continental competitions before the date, its extra-time rate, the season's
 * rules), kept once computed: a competition-season as of a date never changes in a read-only database.
 */
export class BracketForecasts {
  private forecaster: TieForecaster | null = null;
  private readonly reports = new LruCache<string, Promise<BracketForecast>>(32);

  constructor(private readonly db: Db) {}

  forecast(competitionCode: string, season: string, asOf: string): Promise<BracketForecast> {
    if (findCompetition(competitionCode)?.kind === 'league') {
      return Promise.reject(
        new MatchdayError('NO_BRACKET', `${competitionCode} is a league: it has no bracket`, { field: 'competition' }),
      );
    }
    const key = [competitionCode, season, asOf].join('|');
    const cached = this.reports.get(key);
    if (cached) return cached;
    const report = this.compute(competitionCode, season, asOf);
    this.reports.set(key, report);
    // A failure is not kept: the next request tries again.
    report.catch(() => this.reports.delete(key));
    return report;
  }

  private async compute(competitionCode: string, season: string, asOf: string): Promise<BracketForecast> {
    const state = bracketState(this.db, competitionCode, season, asOf);
    const odds = state.currentRound === null ? null : this.tieModelAsOf(state);
    const report = await forecastBracketState(state, odds?.model ?? DECIDED, {});
    return { ...report, model: odds?.description ?? null };
  }

  /** The same construction as `matchday bracket` (src/cli/bracket-command.ts, tieModelAsOf). */
  private tieModelAsOf(state: BracketState): { model: TieModel; description: BracketModelDescription } {
    this.forecaster ??= new TieForecaster(this.db, { model: DEFAULT_MODEL_OPTIONS });
    const forecaster = this.forecaster;
    const before = state.asOf;
    const saved = forecaster.modelBefore(before);
    const names = new Map(teamsInPlay(state).map((t) => [t.id, t]));
    const team = (id: number): TieTeam => names.get(id) ?? { id, name: `team ${id}` };
    const rules = tieRules(state.competition.code, state.season) ?? UEFA_NO_AWAY_GOALS_ERA;
    const extraTimeScale = forecaster.extraTimeScaleBefore(before);
    const penaltyHomeWin = forecaster.options.penaltyHomeWin;
    const model = tieModelFromRates({
      // The tie forecaster's rates are for a second leg: b at home to a.
      rates: (home, away, neutral) =>
        forecaster.secondLegRates(saved, { a: team(away), b: team(home), neutral, before }),
      rules,
      extraTimeScale,
      penaltyHomeWin,
      gameState: null,
    });
    return {
      model,
      description: { family: saved.options.family, data: saved.data, extraTimeScale, penaltyHomeWin, rules },
    };
  }
}

/** Every team that can still play: the current round's and any known later entrant. */
function teamsInPlay(state: BracketState): TieTeam[] {
  const teams = new Map<number, TieTeam>();
  for (const round of state.rounds.slice(state.currentRound ?? state.rounds.length)) {
    for (const team of round.entrants) teams.set(team.id, team);
    for (const tie of round.ties) for (const side of tie.sides) if ('team' in side) teams.set(side.team.id, side.team);
  }
  return [...teams.values()];
}

/** A decided competition prices nothing. */
const DECIDED: TieModel = {
  matchGrid: () => decided(),
  secondLeg: () => decided(),
  neutralFinal: () => decided(),
};

function decided(): never {
  throw new MatchdayError('NO_MODEL', 'the competition is decided: no tie to forecast');
}
