import { describe, expect, it } from 'vitest';
import { FORECASTER, fitForecaster, forecasterFromState, type MatchForecast } from '../../src/forecast/forecaster.js';
import { computeMarkets } from '../../src/forecast/markets.js';
import type { Fixture } from '../../src/forecast/match-forecaster.js';
import { logistic, shiftOutcomes, stretchOutcomes } from '../../src/forecast/outcome-stretch.js';
import { STAKES, STATURE } from '../../src/forecast/superiority-shifts.js';
import { leagueFormat } from '../../src/history/league-format.js';
import { leagueTable } from '../../src/history/league-table.js';
import { stakeRatio } from '../../src/history/season-stakes.js';
import type { HistoryMatch } from '../../src/history/forecast-history.js';
import { dixonColesScoreGrid } from '../../src/models/dixon-coles.js';
import type { ScoreGrid } from '../../src/models/score-grid.js';
import { competitionOf, madeUpMatches, madeUpSource, type MadeUpLeague } from './made-up-league.js';

/** A ten-team league meeting four times a season, calendar-year seasons, three of them in the data. */
const CALENDAR: MadeUpLeague = {
  code: 'zz.1',
  teams: 10,
  robins: 4,
  relegation: 1,
  calendar: 'calendar-year',
  formatKnown: true,
};
const calendarMatches = madeUpMatches(CALENDAR, [2022, 2023, 2024]);
const season2024 = calendarMatches.filter((m) => m.season === '2024');
/** The 34th of 36 rounds of 2024: three rounds left for everyone at the fit. */
const FIT_DATE = season2024[33 * 5].date;
const roundFixtures = season2024.filter((m) => m.date === FIT_DATE);

function fit(league: MadeUpLeague, matches: HistoryMatch[], date: string, constants = FORECASTER) {
  return fitForecaster(madeUpSource(league, matches).history([league.code], date, 8), constants);
}

function forecastOf(outcome: ReturnType<ReturnType<typeof fit>['forecast']>): MatchForecast {
  if ('skipped' in outcome) throw new Error(outcome.skipped);
  return outcome;
}

const asFixture = (m: HistoryMatch): Fixture => ({
  homeTeamId: m.homeTeamId,
  awayTeamId: m.awayTeamId,
  neutral: false,
  competition: m.competition,
  season: m.season,
});

/**
 * The stakes shift of a fixture worked out by hand: the 2024 table before the fit date, every team with 33 of 36
 * matches played (9 points left), lines below the 1st and the 4th (European places in the top half of ten) and
 * above the 10th (one relegated).
 */
function handStakes(home: number, away: number): number {
  const points = new Map<number, { points: number; gd: number; gf: number }>();
  for (let t = 1; t <= 10; t++) points.set(t, { points: 0, gd: 0, gf: 0 });
  for (const m of season2024.filter((m) => m.date < FIT_DATE)) {
    const h = points.get(m.homeTeamId)!;
    const a = points.get(m.awayTeamId)!;
    h.points += m.homeGoals > m.awayGoals ? 3 : m.homeGoals === m.awayGoals ? 1 : 0;
    a.points += m.awayGoals > m.homeGoals ? 3 : m.homeGoals === m.awayGoals ? 1 : 0;
    h.gd += m.homeGoals - m.awayGoals;
    a.gd += m.awayGoals - m.homeGoals;
    h.gf += m.homeGoals;
    a.gf += m.awayGoals;
  }
  const order = [...points].sort(([ta, a], [tb, b]) => b.points - a.points || b.gd - a.gd || b.gf - a.gf || ta - tb);
  const ratio = (team: number): number => {
    const position = order.findIndex(([t]) => t === team);
    const own = order[position][1].points;
    return Math.min(
      ...[1, 4, 9].map((line) =>
        position < line ? (own - order[line][1].points) / 9 : (order[line - 1][1].points - own) / 9,
      ),
    );
  };
  const degree = (team: number) => logistic((ratio(team) - 0.6) / 0.1);
  return 0.5 * (degree(away) - degree(home));
}

/** Stature by hand: points per game in 2022 and 2023 over a century of seasons (the 98 before are not in the data). */
function handStature(home: number, away: number): number {
  const ppg = (team: number, season: string) => {
    let points = 0;
    let played = 0;
    for (const m of calendarMatches.filter((m) => m.season === season)) {
      if (m.homeTeamId === team) points += m.homeGoals > m.awayGoals ? 3 : m.homeGoals === m.awayGoals ? 1 : 0;
      else if (m.awayTeamId === team) points += m.awayGoals > m.homeGoals ? 3 : m.homeGoals === m.awayGoals ? 1 : 0;
      else continue;
      played++;
    }
    return points / played;
  };
  const stature = (team: number) => (ppg(team, '2022') + ppg(team, '2023')) / 100;
  return 0.12 * (stature(home) - stature(away));
}

describe('the forecaster on a ten-team, four-robin, calendar-year league with three seasons of data', () => {
  const forecaster = fit(CALENDAR, calendarMatches, FIT_DATE);
  const forecasts = roundFixtures.map((m) => ({ match: m, forecast: forecastOf(forecaster.forecast(asFixture(m))) }));
  // The fixture of the round with the largest stakes shift.
  const { match: late, forecast } = forecasts.reduce((a, b) =>
    Math.abs(b.forecast.parts.stakesShift) > Math.abs(a.forecast.parts.stakesShift) ? b : a,
  );

  it('pools the blend and Elo, stretches, and widens the draw band with the tuned constants', () => {
    const { blend, elo, pooled, stretched } = forecast.parts;
    expect(elo).not.toBeNull();
    pooled.forEach((p, k) => expect(p).toBeCloseTo(0.85 * blend[k] + 0.15 * elo![k], 14));
    stretchOutcomes(pooled, 1.05, 0.02).forEach((p, k) => expect(stretched[k]).toBeCloseTo(p, 14));
  });

  it('a late-season forecast is the stretched blend shifted by the hand-computed stakes and stature', () => {
    const stakes = handStakes(late.homeTeamId, late.awayTeamId);
    const stature = handStature(late.homeTeamId, late.awayTeamId);
    expect(Math.abs(stakes)).toBeGreaterThan(0.1);
    expect(forecast.parts.stakesShift).toBeCloseTo(stakes, 12);
    expect(forecast.parts.statureShift).toBeCloseTo(stature, 12);
    // Three seasons of data make every club's stature small, and so the shift.
    expect(Math.abs(stature)).toBeLessThan(0.01);
    expect(Math.abs(stature)).toBeGreaterThan(0);
    shiftOutcomes(forecast.parts.stretched, stakes + stature).forEach((p, k) =>
      expect(forecast.parts.outcomes[k]).toBeCloseTo(p, 12),
    );
  });

  it('switching a shift off leaves the other, and both off leave the stretched pool', () => {
    const without = (constants: Partial<typeof FORECASTER>) =>
      forecastOf(fit(CALENDAR, calendarMatches, FIT_DATE, { ...FORECASTER, ...constants }).forecast(asFixture(late)));
    const noStakes = without({ stakes: null });
    expect(noStakes.parts.stakesShift).toBe(0);
    expect(noStakes.parts.statureShift).toBe(forecast.parts.statureShift);
    expect(noStakes.parts.outcomes).toStrictEqual(shiftOutcomes(forecast.parts.stretched, forecast.parts.statureShift));
    expect(Math.abs(noStakes.probabilities[0] - forecast.probabilities[0])).toBeGreaterThan(0.01);
    const noStature = without({ stature: null });
    expect(noStature.parts.statureShift).toBe(0);
    expect(noStature.parts.outcomes).toStrictEqual(shiftOutcomes(forecast.parts.stretched, forecast.parts.stakesShift));
    expect(without({ stakes: null, stature: null }).parts.outcomes).toStrictEqual(forecast.parts.stretched);
    // The tuned constants are the ones in use.
    expect(FORECASTER.stakes).toEqual({ ratioMidpoint: 0.6, ratioWidth: 0.1, shift: 0.5 });
    expect(STAKES).toBe(FORECASTER.stakes);
    expect(STATURE).toEqual({ seasons: 100, shift: 0.12 });
  });

  it('gives a score grid whose 1X2 is the forecast and whose expected total is the goal model blend’s', () => {
    for (const { forecast: f } of forecasts) {
      const markets = computeMarkets(f.grid);
      expect(markets.result.home).toBe(f.probabilities[0]);
      expect(markets.result.draw).toBe(f.probabilities[1]);
      expect(markets.result.away).toBe(f.probabilities[2]);
      f.probabilities.forEach((p, k) => expect(Math.abs(p - f.parts.outcomes[k])).toBeLessThan(1e-9));
      expect(Math.abs(markets.mass - 1)).toBeLessThan(1e-12);
      const { home, away, rho } = f.parts.blendRates;
      expect(totalGoals(f.grid)).toBeCloseTo(totalGoals(dixonColesScoreGrid(home, away, rho, 10)), 9);
    }
  });

  it('a what-if moves the grid toward the stronger side and keeps it a distribution', () => {
    const stronger = forecastOf(forecaster.forecast(asFixture(late), { homeShift: 0.2 }));
    expect(stronger.probabilities[0]).toBeGreaterThan(forecast.probabilities[0] + 0.03);
    expect(stronger.grid.homeExpected).toBeGreaterThan(forecast.grid.homeExpected);
    expect(Math.abs(computeMarkets(stronger.grid).mass - 1)).toBeLessThan(1e-12);
    expect(stronger.parts).toStrictEqual(forecast.parts);
  });

  it('saved and loaded, it says the same to the last bit', () => {
    const loaded = forecasterFromState(JSON.parse(JSON.stringify(forecaster.save())));
    for (const { match, forecast: f } of forecasts) {
      const again = forecastOf(loaded.forecast(asFixture(match)));
      expect(again.probabilities).toStrictEqual(f.probabilities);
      expect(again.grid.p).toStrictEqual(f.grid.p);
    }
    expect(forecaster.save().seasons.map((s) => `${s.competition} ${s.season}`)).toEqual(['zz.1 2024']);
  });

  it('a league created from a file (format unknown) gets no stakes shift, and keeps its stature', () => {
    const unknown = { ...CALENDAR, formatKnown: false };
    expect(leagueFormat(competitionOf(unknown), '2024')).toBeNull();
    const f = forecastOf(fit(unknown, calendarMatches, FIT_DATE).forecast(asFixture(late)));
    expect(f.parts.stakesShift).toBe(0);
    expect(f.parts.statureShift).toBeCloseTo(handStature(late.homeTeamId, late.awayTeamId), 12);
  });

  it('a second tier gets the stakes shift but no stature shift (a top flight’s)', () => {
    const second = { ...CALENDAR, tier: 2 };
    const f = forecastOf(fit(second, calendarMatches, FIT_DATE).forecast(asFixture(late)));
    expect(f.parts.statureShift).toBe(0);
    expect(Math.abs(f.parts.stakesShift)).toBeGreaterThan(0.01);
  });

  it('a fixture without a season, or in a season not yet begun, gets no stakes shift', () => {
    expect(forecastOf(forecaster.forecast({ ...asFixture(late), season: undefined })).parts.stakesShift).toBe(0);
    expect(forecastOf(forecaster.forecast({ ...asFixture(late), season: '2025' })).parts.stakesShift).toBe(0);
  });
});

describe('the forecaster on a twelve-team league that splits after 33 rounds', () => {
  const SPLIT: MadeUpLeague = {
    code: 'zz.2',
    teams: 12,
    robins: 3,
    split: { after: 33, groups: [6, 6], robins: 1, halvePoints: false },
    relegation: 1,
    calendar: 'autumn-spring',
    formatKnown: true,
  };
  const matches = madeUpMatches(SPLIT, [2022, 2023], 5);
  const season = matches.filter((m) => m.season === '2023-24');
  expect(season).toHaveLength(33 * 6 + 5 * 6);
  /** Two rounds after the split: three left. */
  const fitDate = season[35 * 6].date;
  const forecaster = fit(SPLIT, matches, fitDate);
  const fixtures = season.filter((m) => m.date === fitDate);
  const played = season.filter((m) => m.date < fitDate);

  it('reads the table as the split leaves it: the stakes shift of each fixture is its split table’s', () => {
    const format = leagueFormat(competitionOf(SPLIT), '2023-24')!;
    expect(format.split).toEqual(SPLIT.split);
    const table = leagueTable(played, format)!;
    expect(table.matchesPerTeam).toEqual(Array(12).fill(38));
    const flat = leagueTable(played, { ...format, split: null, robins: 4 })!;
    const shift = (t: typeof table, m: HistoryMatch) => {
      const degree = (team: number) => {
        const ratio = stakeRatio(t, team);
        return ratio === Infinity ? 1 : logistic((ratio - 0.6) / 0.1);
      };
      return 0.5 * (degree(m.awayTeamId) - degree(m.homeTeamId));
    };
    let differs = false;
    for (const m of fixtures) {
      const f = forecastOf(forecaster.forecast(asFixture(m)));
      expect(f.parts.stakesShift).toBeCloseTo(shift(table, m), 14);
      if (Math.abs(shift(flat, m) - f.parts.stakesShift) > 0.01) differs = true;
    }
    // Reading the season as one table of four round robins would have said otherwise for some fixture.
    expect(differs).toBe(true);
  });
});

function totalGoals(grid: ScoreGrid): number {
  const size = grid.maxGoals + 1;
  let mass = 0;
  let total = 0;
  for (let h = 0; h < size; h++) {
    for (let a = 0; a < size; a++) {
      mass += grid.p[h * size + a];
      total += (h + a) * grid.p[h * size + a];
    }
  }
  return total / mass;
}

/** Fair prices from a Poisson grid of the given rates (what a market that knew those rates would say). */
function pricesOf(homeRate: number, awayRate: number): [number, number, number] {
  const grid = dixonColesScoreGrid(homeRate, awayRate, 0, 10);
  let [home, draw, away] = [0, 0, 0];
  for (let h = 0; h <= 10; h++)
    for (let a = 0; a <= 10; a++) {
      const p = grid.p[h * 11 + a];
      if (h > a) home += p;
      else if (h === a) draw += p;
      else away += p;
    }
  const sum = home + draw + away;
  return [home / sum, draw / sum, away / sum];
}

describe('the market member', () => {
  const fixture = asFixture(roundFixtures[0]);
  const withoutOdds = fit(CALENDAR, calendarMatches, FIT_DATE);
  /** The same history with prices that rate the fixture's home side far above what its results say. */
  const priced = calendarMatches.map((m): HistoryMatch => {
    const boost = (team: number) => (team === fixture.homeTeamId ? 0.6 : 0);
    return {
      ...m,
      odds: pricesOf(
        Math.exp(0.25 + boost(m.homeTeamId) - boost(m.awayTeamId)),
        Math.exp(0.05 + boost(m.awayTeamId) - boost(m.homeTeamId)),
      ),
    };
  });
  const withOdds = fit(CALENDAR, priced, FIT_DATE);

  it('is left out where the history has no prices, and then changes nothing', () => {
    expect(withoutOdds.state.market).toBeNull();
    const off = fit(CALENDAR, calendarMatches, FIT_DATE, {
      ...FORECASTER,
      market: { ...FORECASTER.market, weight: 0 },
    });
    expect(forecastOf(off.forecast(fixture)).probabilities).toStrictEqual(
      forecastOf(withoutOdds.forecast(fixture)).probabilities,
    );
  });

  it('is fitted on the prices of past matches and moves the blend half way toward them', () => {
    expect(withOdds.state.market).not.toBeNull();
    expect(withOdds.state.market!.model.diagnostics.converged).toBe(true);
    const before = forecastOf(withoutOdds.forecast(fixture));
    const after = forecastOf(withOdds.forecast(fixture));
    // The prices rate the home side 0.6 up in log-rate; half of that reaches the blend's rates.
    const moved = Math.log(after.parts.blendRates.home / after.parts.blendRates.away);
    const results = Math.log(before.parts.blendRates.home / before.parts.blendRates.away);
    expect(moved - results).toBeGreaterThan(0.3);
    expect(moved - results).toBeLessThan(1.2);
    expect(after.probabilities[0]).toBeGreaterThan(before.probabilities[0] + 0.05);
  });

  it('survives a model file: the saved forecaster gives the same forecast', () => {
    const saved = forecasterFromState(JSON.parse(JSON.stringify(withOdds.save())));
    expect(forecastOf(saved.forecast(fixture)).probabilities).toStrictEqual(
      forecastOf(withOdds.forecast(fixture)).probabilities,
    );
  });
});
