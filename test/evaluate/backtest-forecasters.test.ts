import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { countryForecaster } from '../../src/forecast/country-forecaster.js';
import { ensembleForecaster } from '../../src/forecast/ensemble-forecaster.js';
import { ENSEMBLE, ensembleElo } from '../../src/forecast/backtest-models.js';
import { GoalModelFitter } from '../../src/forecast/goal-model-forecaster.js';
import type { Fixture, HistoryMatch, MatchForecaster, Probabilities1x2 } from '../../src/forecast/match-forecaster.js';
import { logistic, shiftOutcomes, stretchedForecaster, stretchOutcomes } from '../../src/forecast/outcome-stretch.js';
import { STAKES, stakesShift } from '../../src/forecast/stakes-shift.js';
import { statureShift } from '../../src/forecast/stature-shift.js';
import { shiftedForecaster } from '../../src/forecast/superiority-shift.js';
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

  it('wraps a forecaster, passing skips through', () => {
    const predictor = stretchedForecaster(constant([0.5, 0.3, 0.2]), 2).fit([], '2023-01-01');
    const p = predictor.predict(fixtureOf(rows[0]));
    expect('probabilities' in p && p.probabilities[0]).toBeCloseTo(2 / 3, 14);
    expect(stretchedForecaster(constant('nope'), 2).fit([], '2023-01-01').predict(fixtureOf(rows[0]))).toEqual({
      skipped: 'nope',
    });
    expect(() => stretchedForecaster(constant('nope'), 0)).toThrow(/stretch factor/);
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

describe('superiority shifts', () => {
  // Four teams, 6 matches each; after three rounds: 1 has 9 points, 2 has 6, 3 and 4 one each; 9 points left each.
  const league = (date: string, home: number, away: number, goals: [number, number], season = '2023-24') => ({
    ...rows[0],
    id: 10_000 + home * 10 + away,
    date,
    season,
    homeTeamId: home,
    awayTeamId: away,
    homeGoals: goals[0],
    awayGoals: goals[1],
  });
  const season: HistoryMatch[] = [
    league('2024-03-02', 1, 4, [2, 0]),
    league('2024-03-02', 2, 3, [1, 0]),
    league('2024-03-09', 1, 3, [3, 1]),
    league('2024-03-09', 4, 2, [0, 1]),
    league('2024-03-16', 1, 2, [1, 0]),
    league('2024-03-16', 3, 4, [2, 2]),
  ];
  const fixture: Fixture = { homeTeamId: 1, awayTeamId: 4, neutral: false, competition: 'eng.1', season: '2023-24' };
  const inner = [0.4, 0.3, 0.3] as Probabilities1x2;

  it('stakes: toward the side that still has something to play for (hand-computed)', () => {
    // A 4-team table has one line, below the 1st. Team 1 leads team 2 by 3, who has 9 left: ratio 1/3. Team 4
    // is 8 behind team 1 with 9 left: ratio 8/9, all but out of it.
    const degree = (ratio: number) => logistic((ratio - STAKES.ratioMidpoint) / STAKES.ratioWidth);
    const shift = stakesShift().fit(season, '2024-03-20')(fixture);
    expect(shift).toBeCloseTo(STAKES.shift * (degree(8 / 9) - degree(1 / 3)), 14);
    expect(shift).toBeGreaterThan(0.4);
  });

  it('stakes: nothing without a season, for another season, or outside leagues', () => {
    const of = stakesShift().fit(season, '2024-03-20');
    expect(of({ ...fixture, season: undefined })).toBe(0);
    expect(of({ ...fixture, season: '2024-25' })).toBe(0);
    const cups = season.map((m) => ({ ...m, kind: 'cup' }));
    expect(stakesShift().fit(cups, '2024-03-20')(fixture)).toBe(0);
  });

  it('stature: points per game over the seasons before, absent seasons as 0 (hand-computed)', () => {
    // Two seasons back: 1 beat 4 twice (3 ppg v 0); one season back: 4 played, 1 did not; then this season.
    const history = [
      league('2021-09-01', 1, 4, [1, 0], '2021-22'),
      league('2022-03-01', 4, 1, [0, 2], '2021-22'),
      league('2022-09-01', 4, 2, [1, 1], '2022-23'),
      ...season,
    ];
    const shift = statureShift({ seasons: 2, shift: 0.5 }).fit(history, '2024-03-20')(fixture);
    // Team 1: (3 + 0) / 2 = 1.5; team 4: (0 + 1) / 2 = 0.5; the current season does not count.
    expect(shift).toBeCloseTo(0.5 * (1.5 - 0.5), 14);
    expect(statureShift().fit(history, '2024-03-20')({ ...fixture, season: undefined })).toBe(0);
  });

  it('shiftedForecaster gives the forecaster and each shift only their own years of history', () => {
    const oldest: string[] = [];
    const recording = (label: string, historyYears: number) => ({
      historyYears,
      fit(history: readonly HistoryMatch[]) {
        oldest.push(`${label} ${history[0].date}`);
        return () => 0;
      },
    });
    const model: MatchForecaster = {
      historyYears: 1,
      fit(history) {
        oldest.push(`model ${history[0].date}`);
        return { predict: () => ({ probabilities: inner }) };
      },
    };
    const earlier = [league('2020-03-01', 1, 2, [1, 0], '2019-20'), league('2023-03-01', 1, 2, [1, 0], '2022-23')];
    shiftedForecaster(model, [recording('long', 10), recording('short', 2)]).fit([...earlier, ...season], '2024-03-20');
    expect(oldest).toEqual(['model 2024-03-02', 'long 2020-03-01', 'short 2023-03-01']);
  });

  it('shiftedForecaster adds the shifts on the ordered-logit scale and passes skips through', () => {
    const plusOne = { historyYears: 30, fit: () => () => 1 };
    const minusHalf = { historyYears: 2, fit: () => () => -0.5 };
    const shifted = shiftedForecaster(constant(inner), [plusOne, minusHalf]);
    expect(shifted.historyYears).toBe(30);
    expect(shifted.fit(season, '2024-03-20').predict(fixture)).toEqual({ probabilities: shiftOutcomes(inner, 0.5) });
    expect(shiftedForecaster(constant('no rating'), [plusOne]).fit(season, '2024-03-20').predict(fixture)).toEqual({
      skipped: 'no rating',
    });
  });
});

describe('ensembleForecaster', () => {
  it('averages the members by weight, leaving out a member that skips or fails', () => {
    const fixture = fixtureOf(rows[0]);
    const mean = ensembleForecaster([
      { forecaster: constant([0.6, 0.2, 0.2]), weight: 3 },
      { forecaster: constant([0.2, 0.4, 0.4]), weight: 1 },
    ]).fit(rows, '2024-01-01');
    const p = mean.predict(fixture);
    expect('probabilities' in p).toBe(true);
    if ('probabilities' in p) [0.5, 0.25, 0.25].forEach((v, k) => expect(p.probabilities[k]).toBeCloseTo(v, 14));
    const partial = ensembleForecaster([
      { forecaster: constant('no rating'), weight: 1 },
      { forecaster: constant(new MatchdayError('fit-failed', 'too short')), weight: 1 },
      { forecaster: constant([0.2, 0.4, 0.4]), weight: 1 },
    ]).fit(rows, '2024-01-01');
    expect(partial.predict(fixture)).toEqual({ probabilities: [0.2, 0.4, 0.4] });
    const none = ensembleForecaster([
      { forecaster: constant('no rating'), weight: 1 },
      { forecaster: constant('other'), weight: 1 },
    ]).fit(rows, '2024-01-01');
    expect(none.predict(fixture)).toEqual({ skipped: 'no rating' });
    expect(() => ensembleForecaster([{ forecaster: constant('x'), weight: 0 }])).toThrow(/positive/);
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
    const drop = (forecaster: () => MatchForecaster) =>
      homeWin(forecaster(), history) - homeWin(forecaster(), [...history, ...defeats]);
    const slow = drop(() => ratingForecaster(ensembleElo(ENSEMBLE.eloK)));
    const standalone = drop(() => ratingForecaster(BACKTEST_ELO));
    expect(slow).toBeGreaterThan(0);
    // The outcome mapping rescales the narrower spread of slow ratings, so the difference is moderate (0.055 v 0.073).
    expect(slow).toBeLessThan(0.9 * standalone);
  });
});
