import { computeMarkets, type Markets } from './markets.js';
import { predictWithModel, type FixtureTeam, type SavedModel } from './match-model.js';

export interface FixtureForecastOptions {
  neutral: boolean;
  maxGoals?: number;
  /** What-if: add to a team's log attack and log defence (negative = weaker, e.g. a key player missing). */
  homeShift?: number;
  awayShift?: number;
}

/** Everything `predict` reports for one fixture: the model used, expected goals and every market from one grid. */
export interface FixtureForecast {
  home: FixtureTeam;
  away: FixtureTeam;
  neutral: boolean;
  model: {
    family: string;
    data: SavedModel['data'];
    converged: boolean | null;
    teamsFromPrior: string[];
  };
  expectedGoals: { home: number; away: number };
  markets: Markets;
}

export function forecastFixture(
  saved: SavedModel,
  home: FixtureTeam,
  away: FixtureTeam,
  options: FixtureForecastOptions,
): FixtureForecast {
  const { grid, teamsFromPrior } = predictWithModel(saved, home, away, options);
  const markets = computeMarkets(grid);
  return {
    home,
    away,
    neutral: options.neutral,
    model: {
      family: saved.options.family,
      data: saved.data,
      converged: 'diagnostics' in saved.model ? saved.model.diagnostics.converged : null,
      teamsFromPrior,
    },
    expectedGoals: { home: grid.homeExpected, away: grid.awayExpected },
    markets,
  };
}
