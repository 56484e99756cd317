import { MatchdayError } from '../errors.js';
import { dixonColesScoreGrid } from '../models/dixon-coles.js';
import { fitRateCalibration, type RateCalibration } from '../models/rate-calibration.js';
import type { ResultRow } from '../store/match-queries.js';
import {
  BACKTEST_GRADIENT_TOLERANCE,
  fixtureLogRates,
  GoalModelFitter,
  gridOutcomeProbabilities,
  NO_RATING,
  type DatedGoalModel,
} from './goal-model-forecaster.js';
import type { FixturePredictor, HistoryMatch, MatchForecaster } from './match-forecaster.js';

/**
 * Goals and shots, blended. Goals are few and noisy; shots say more about how many chances a team makes and
 * allows. Two models are fitted on the same history:
 *  - Dixon-Coles on goals;
 *  - Poisson on a chance count per side, shots on target + offTargetWeight·(shots off target), rounded (the
 *    fit takes whole counts), on the matches whose shots were recorded;
 * the shot model's log-rates η are mapped onto goals by a Poisson regression ln E[goals] = a_side + β·η fitted
 * on the same matches (models/rate-calibration.ts), and a fixture's log-rates are
 *   goalWeight·(goal model) + (1 − goalWeight)·(a_side + β·η_shot),
 * turned into a score grid with the goal model's ρ. A team the shot model has not seen (no recorded shots in
 * the window, e.g. promoted from a league without statistics) is forecast from the goal model alone.
 */
export interface ShotBlendOptions {
  goals: { xi: number; priorStrength: number };
  shots: ShotProxyOptions & { xi: number; priorStrength: number };
  /** Weight of the goal model's log-rates in the blend, in [0, 1]. */
  goalWeight: number;
  historyYears: number;
}

export interface ShotProxyOptions {
  /** Weight of a shot off target relative to one on target. */
  offTargetWeight: number;
}

/** The matches with recorded shots as rows whose `homeGoals`/`awayGoals` are the chance counts, with their real goals. */
export function shotProxyRows(
  history: readonly HistoryMatch[],
  options: ShotProxyOptions,
): { rows: ResultRow[]; goals: { home: number; away: number }[] } {
  const rows: ResultRow[] = [];
  const goals: { home: number; away: number }[] = [];
  for (const m of history) {
    const s = m.shots;
    if (!s) continue;
    const count = (onTarget: number, shots: number): number =>
      Math.round(onTarget + options.offTargetWeight * (shots - onTarget));
    rows.push(proxyRow(m, count(s.homeShotsOnTarget, s.homeShots), count(s.awayShotsOnTarget, s.awayShots)));
    goals.push({ home: m.homeGoals, away: m.awayGoals });
  }
  return { rows, goals };
}

/** A match as a row of one literal shape (the fits' loops stay monomorphic) whose goals are a proxy's counts. */
export function proxyRow(m: ResultRow, homeGoals: number, awayGoals: number): ResultRow {
  return {
    id: m.id,
    date: m.date,
    competition: m.competition,
    kind: m.kind,
    country: m.country,
    season: m.season,
    homeTeamId: m.homeTeamId,
    awayTeamId: m.awayTeamId,
    homeGoals,
    awayGoals,
    neutral: m.neutral,
  };
}

const DAY_MS = 86_400_000;

export function shotBlendForecaster(options: ShotBlendOptions): MatchForecaster {
  if (!(options.goalWeight >= 0 && options.goalWeight <= 1)) {
    throw new MatchdayError('BAD_OPTION', `goal weight must be in [0, 1], got ${options.goalWeight}`, {
      field: 'goalWeight',
    });
  }
  const goalFitter = new GoalModelFitter({
    family: 'dixon-coles',
    ...options.goals,
    gradientTolerance: BACKTEST_GRADIENT_TOLERANCE,
  });
  const shotFitter = new GoalModelFitter({
    family: 'poisson',
    xi: options.shots.xi,
    priorStrength: options.shots.priorStrength,
    gradientTolerance: BACKTEST_GRADIENT_TOLERANCE,
  });
  const w = options.goalWeight;
  return {
    historyYears: options.historyYears,
    fit(history, date): FixturePredictor {
      const goalModel = goalFitter.fit(history, date);
      const rho = goalModel.model.family === 'dixon-coles' ? goalModel.model.params.rho : 0;
      const proxy = shotProxyRows(history, options.shots);
      const shots = proxy.rows.length > 0 ? fitShotPart(shotFitter, proxy, date, options.shots.xi) : null;
      return {
        predict(fixture) {
          const rates = fixtureLogRates(goalModel, fixture);
          if (!rates) return { skipped: NO_RATING };
          let [home, away] = rates;
          if (shots && shots.model.indexOf.has(fixture.homeTeamId) && shots.model.indexOf.has(fixture.awayTeamId)) {
            const [shotHome, shotAway] = fixtureLogRates(shots.model, fixture)!;
            const { homeIntercept, awayIntercept, slope } = shots.calibration;
            home = w * home + (1 - w) * (homeIntercept + slope * shotHome);
            away = w * away + (1 - w) * (awayIntercept + slope * shotAway);
          }
          const grid = dixonColesScoreGrid(Math.exp(home), Math.exp(away), rho, 10);
          return { probabilities: gridOutcomeProbabilities(grid) };
        },
      };
    },
  };
}

/** The shot model and its mapping onto goals, both fitted on the matches with recorded shots. */
function fitShotPart(
  fitter: GoalModelFitter,
  proxy: ReturnType<typeof shotProxyRows>,
  date: string,
  xi: number,
): { model: DatedGoalModel; calibration: RateCalibration } {
  const model = fitter.fit(proxy.rows, date);
  const n = proxy.rows.length;
  const homeEta = new Float64Array(n);
  const awayEta = new Float64Array(n);
  const weights = new Float64Array(n);
  const reference = Date.parse(date);
  proxy.rows.forEach((row, i) => {
    [homeEta[i], awayEta[i]] = fixtureLogRates(model, row)!;
    weights[i] = Math.exp((-xi * (reference - Date.parse(row.date))) / DAY_MS);
  });
  const calibration = fitRateCalibration({
    homeEta,
    awayEta,
    homeGoals: proxy.goals.map((g) => g.home),
    awayGoals: proxy.goals.map((g) => g.away),
    weights,
  });
  return { model, calibration };
}
