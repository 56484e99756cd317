import { describe, expect, it } from 'vitest';
import { countryForecaster } from '../../src/forecast/country-forecaster.js';
import { FORECASTER } from '../../src/forecast/forecaster.js';
import { eloOutcomes, fitEloPart } from '../../src/forecast/forecaster-members.js';
import { GoalModelFitter } from '../../src/forecast/goal-model-forecaster.js';
import { FitRows } from '../../src/history/fit-history.js';
import type { Fixture, HistoryMatch, MatchForecaster, Probabilities1x2 } from '../../src/forecast/match-forecaster.js';
import { shiftOutcomes, stretchOutcomes } from '../../src/forecast/outcome-stretch.js';
import { BACKTEST_ELO, ratingForecaster } from '../../src/forecast/rating-forecaster.js';
import { shotProxyRows } from '../../src/forecast/shot-blend-forecaster.js';
import { fitRateCalibration } from '../../src/models/rate-calibration.js';
import { resultRows } from '../../src/store/match-queries.js';
import { shotCounts } from '../../src/store/stats-queries.js';
import { importRows, syntheticLeagueRows } from './backtest-synthetic-league.js';

const db = importRows(syntheticLeagueRows());
const shots = shotCounts(db, {});
const rows: HistoryMatch[] = resultRows(db, {}).map((r) => ({ ...r, shots: shots.get(r.id) ?? null }));
const before = (date: string) => rows.filter((r) => r.date < date);
const fixtureOf = (m: HistoryMatch): Fixture => m;

/** A forecaster that always says `p` (or skips / fails), recording the competitions it was fitted on. */
function constant(p: Probabilities1x2 | string | Error, seen: string[][] = []): MatchForecaster {
  return {
    historyYears: 1,
    fit(history) {
      if (p instanceof Error) throw p;
      seen.push([...new Set(history.map((m) => m.competition))]);
      return { predict: () => (typeof p === 'string' ? { skipped: p } : { probabilities: p }) };
    },
  };
}

describe('stretchOutcomes', () => {
  it('stretches superiority on the logit scale and keeps the draw width (hand-computed)', () => {
    // [0.5, 0.3, 0.2]: logit(home) = 0, logit(away) = −ln 4, so s = c = ln 2. Doubling s:
    // home = F(2 ln 2 − ln 2) = 2/3, away = F(−2 ln 2 − ln 2) = 1/9, draw = 2/9.
    const [home, draw, away] = stretchOutcomes([0.5, 0.3, 0.2], 2);
    expect(home).toBeCloseTo(2 / 3, 14);
    expect(away).toBeCloseTo(1 / 9, 14);
    expect(draw).toBeCloseTo(2 / 9, 14);
  });

  it('widens the draw band by adding to c (hand-computed)', () => {
    // s = ln 2, c = ln 2 + ln 2: home = F(−ln 2) = 1/3, away = F(−3 ln 2) = 1/9, draw = 5/9.
    const [home, draw, away] = stretchOutcomes([0.5, 0.3, 0.2], 1, Math.log(2));
    expect(home).toBeCloseTo(1 / 3, 14);
    expect(away).toBeCloseTo(1 / 9, 14);
    expect(draw).toBeCloseTo(5 / 9, 14);
  });

  it('leaves an even match and factor 1 alone, and mirrors when the sides swap', () => {
    const even = stretchOutcomes([0.35, 0.3, 0.35], 1.5);
    expect(even[0]).toBeCloseTo(0.35, 14);
    expect(even[1]).toBeCloseTo(0.3, 14);
    stretchOutcomes([0.6, 0.25, 0.15], 1).forEach((p, k) => expect(p).toBeCloseTo([0.6, 0.25, 0.15][k], 14));
    const a = stretchOutcomes([0.6, 0.25, 0.15], 1.1);
    const b = stretchOutcomes([0.15, 0.25, 0.6], 1.1);
    expect(a[0]).toBeCloseTo(b[2], 14);
    expect(a[0]).toBeGreaterThan(0.6);
  });
});

describe('shiftOutcomes', () => {
  it('moves superiority by the shift and keeps the draw width', () => {
    // [0.5, 0.3, 0.2]: s = c = ln 2 (above). Shift ln 2: home = F(2 ln 2 − ln 2) = 2/3, away = F(−3 ln 2) = 1/9.
    const [home, draw, away] = shiftOutcomes([0.5, 0.3, 0.2], Math.log(2));
    expect(home).toBeCloseTo(2 / 3, 14);
    expect(away).toBeCloseTo(1 / 9, 14);
    expect(draw).toBeCloseTo(2 / 9, 14);
    expect(shiftOutcomes([0.5, 0.3, 0.2], 0)).toEqual([0.5, 0.3, 0.2]);
  });
});

describe('countryForecaster', () => {
  it('fits one model per country on its leagues only and skips a fixture from a country without history', () => {
    const seen: string[][] = [];
    const withUefa: HistoryMatch[] = [
      ...rows.slice(0, 5),
      { ...rows[5], competition: 'uefa.cl', kind: 'continental', country: null },
    ];
    const predictor = countryForecaster(() => constant([0.4, 0.3, 0.3], seen)).fit(withUefa, '2024-01-01');
    expect(seen).toEqual([['eng.1']]);
    expect(predictor.predict({ ...fixtureOf(rows[0]), competition: 'eng.2' })).toEqual({
      probabilities: [0.4, 0.3, 0.3],
    });
    expect(predictor.predict({ ...fixtureOf(rows[0]), competition: 'es.1', country: 'ESP' })).toEqual({
      skipped: 'no history in the competition’s country',
    });
  });
});

describe('GoalModelFitter', () => {
  it('reaches the cold fit from a warm start (teams mapped by id) in fewer iterations', () => {
    const options = { family: 'dixon-coles', xi: 0.002, priorStrength: 3 } as const;
    const fitter = new GoalModelFitter(options);
    fitter.fit(before('2022-01-01'), '2022-01-01');
    const warm = fitter.fit(before('2022-03-01'), '2022-03-01');
    const cold = new GoalModelFitter(options).fit(before('2022-03-01'), '2022-03-01');
    expect(warm.model.diagnostics.converged).toBe(true);
    expect(warm.model.diagnostics.iterations).toBeLessThan(cold.model.diagnostics.iterations);
    for (const [id, i] of cold.indexOf) {
      expect(warm.model.params.attack[warm.indexOf.get(id)!]).toBeCloseTo(cold.model.params.attack[i], 4);
    }
  });
});

describe('shot blend pieces', () => {
  it('counts chances as shots on target plus a share of the shots off target', () => {
    const withShots = rows.filter((r) => r.shots);
    expect(withShots.length).toBe(rows.length);
    const proxy = shotProxyRows(withShots.slice(0, 3), { offTargetWeight: 0.2 });
    proxy.rows.forEach((row, i) => {
      const s = withShots[i].shots!;
      expect(row.homeGoals).toBe(Math.round(s.homeShotsOnTarget + 0.2 * (s.homeShots - s.homeShotsOnTarget)));
      expect(row.awayGoals).toBe(Math.round(s.awayShotsOnTarget + 0.2 * (s.awayShots - s.awayShotsOnTarget)));
      expect(proxy.goals[i]).toEqual({ home: withShots[i].homeGoals, away: withShots[i].awayGoals });
    });
    expect(shotProxyRows([{ ...rows[0], shots: null }], { offTargetWeight: 0.2 }).rows).toEqual([]);
  });

  it('recovers a known rate calibration from exact expectations', () => {
    const homeEta = [1.2, 1.5, 0.9, 1.8, 1.1, 1.4];
    const awayEta = [1.0, 0.7, 1.3, 0.8, 1.6, 1.2];
    const truth = { homeIntercept: -1.2, awayIntercept: -1.4, slope: 1.1 };
    const fitted = fitRateCalibration({
      homeEta,
      awayEta,
      homeGoals: homeEta.map((e) => Math.exp(truth.homeIntercept + truth.slope * e)),
      awayGoals: awayEta.map((e) => Math.exp(truth.awayIntercept + truth.slope * e)),
      weights: [1, 0.5, 2, 1, 1, 0.25],
    });
    expect(fitted.homeIntercept).toBeCloseTo(truth.homeIntercept, 8);
    expect(fitted.awayIntercept).toBeCloseTo(truth.awayIntercept, 8);
    expect(fitted.slope).toBeCloseTo(truth.slope, 8);
    expect(() =>
      fitRateCalibration({ homeEta: [1], awayEta: [1, 2], homeGoals: [1], awayGoals: [1], weights: [1] }),
    ).toThrow(/awayEta/);
  });
});

describe('ratingForecaster', () => {
  it('rates teams with history and skips the others', () => {
    const predictor = ratingForecaster(BACKTEST_ELO).fit(before('2023-01-01'), '2023-01-01');
    const known = predictor.predict(fixtureOf(rows.at(-1)!));
    expect('probabilities' in known).toBe(true);
    if ('probabilities' in known) expect(known.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    expect(predictor.predict({ ...fixtureOf(rows[0]), homeTeamId: 12345 })).toEqual({
      skipped: 'team without history (rating model)',
    });
  });

  it("the ensemble's slow Elo moves less than the standalone Elo on a run of recent defeats", () => {
    const date = '2023-01-01';
    const history = before(date);
    const last = history.at(-1)!;
    const fixture = fixtureOf(last);
    // The home team of the last match loses its next five matches 0–4, all before the fit date.
    const defeats: HistoryMatch[] = Array.from({ length: 5 }, (_, i) => ({
      ...last,
      id: 1_000_000 + i,
      date: last.date,
      awayTeamId: history[i].homeTeamId === fixture.homeTeamId ? history[i].awayTeamId : history[i].homeTeamId,
      homeGoals: 0,
      awayGoals: 4,
      shots: null,
    }));
    const homeWin = (forecaster: MatchForecaster, h: readonly HistoryMatch[]): number => {
      const prediction = forecaster.fit(h, date).predict(fixture);
      if (!('probabilities' in prediction)) throw new Error(prediction.skipped);
      return prediction.probabilities[0];
    };
    const eloHomeWin = (h: readonly HistoryMatch[]): number => {
      const part = fitEloPart(new FitRows(h), 0, h.length, date, FORECASTER.elo.k);
      return eloOutcomes({ part, indexOf: new Map(part.teamIds.map((id, i) => [id, i])) }, fixture)![0];
    };
    const slow = eloHomeWin(history) - eloHomeWin([...history, ...defeats]);
    const standalone =
      homeWin(ratingForecaster(BACKTEST_ELO), history) -
      homeWin(ratingForecaster(BACKTEST_ELO), [...history, ...defeats]);
    expect(slow).toBeGreaterThan(0);
    // The outcome mapping rescales the narrower spread of slow ratings, so the difference is moderate (0.055 v 0.073).
    expect(slow).toBeLessThan(0.9 * standalone);
  });
});
