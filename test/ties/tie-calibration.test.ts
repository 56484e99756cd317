import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { reliabilityTable } from '../../src/evaluate/calibration.js';
import {
  binOf,
  calibrateTies,
  gameStateFor,
  parseTieCalibration,
  seasonStart,
} from '../../src/evaluate/tie-calibration.js';
import { TieForecaster } from '../../src/evaluate/tie-forecaster.js';
import { neutralGameState } from '../../src/forecast/game-state.js';
import { forecastTie } from '../../src/forecast/tie-forecast.js';
import { findTeam } from '../../src/history/team-lookup.js';
import { tiesBetween, UEFA_AWAY_GOALS_ERA, UEFA_NO_AWAY_GOALS_ERA } from '../../src/history/ties.js';
import { openDatabase } from '../../src/store/database.js';
import { hasSharedData } from '../shared-data.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILT_IN = path.join(ROOT, 'config/tie-calibration.json');

describe('calibration lookups', () => {
  it('binOf finds the equal-width bin of a probability, 1 included in the last', () => {
    const table = reliabilityTable([0.05, 0.15, 0.95, 1], [false, true, true, true], { bins: 10 });
    expect(binOf(table, 0.02)?.count).toBe(1);
    expect(binOf(table, 0.1)?.meanPredicted).toBeCloseTo(0.15, 12);
    expect(binOf(table, 1)?.count).toBe(2);
    expect(binOf(table, 0.5)).toBeNull();
  });

  it('gameStateFor picks the latest model fitted entirely before the date', () => {
    const early = { ...neutralGameState(), matches: 1 };
    const later = { ...neutralGameState(), matches: 2 };
    const latest = { before: '2024-06-01', model: { ...neutralGameState(), matches: 3 } };
    const bySeason = [
      { before: '2022-07-01', model: early },
      { before: '2023-07-01', model: later },
    ];
    expect(gameStateFor(bySeason, latest, '2023-04-18').matches).toBe(1);
    expect(gameStateFor(bySeason, latest, '2024-04-18').matches).toBe(2);
    expect(gameStateFor(bySeason, latest, '2025-04-18').matches).toBe(3);
    expect(() => gameStateFor(bySeason, latest, '2020-01-01')).toThrow(/no game-state model/);
    expect(seasonStart('2023-24')).toBe('2023-07-01');
  });

  it('parseTieCalibration rejects what is not a calibration of this version', () => {
    expect(() => parseTieCalibration('{', 'x.json')).toThrow(/not JSON/);
    expect(() => parseTieCalibration('{"matchday":"model"}', 'x.json')).toThrow(/not a tie calibration/);
    const artifact = JSON.parse(readFileSync(BUILT_IN, 'utf8'));
    expect(() => parseTieCalibration(JSON.stringify({ ...artifact, formatVersion: 99 }), 'x.json')).toThrow(
      /version 99/,
    );
  });

  it('the shipped calibration is one, with game-state models that never lower a bigger lead', () => {
    const artifact = parseTieCalibration(readFileSync(BUILT_IN, 'utf8'), BUILT_IN);
    expect(artifact.ties).toBeGreaterThan(2500);
    const model = artifact.gameState.latest.model;
    for (const rules of [UEFA_AWAY_GOALS_ERA, UEFA_NO_AWAY_GOALS_ERA]) {
      for (const homeExpected of [0.5, 1.2, 2.5]) {
        for (const awayExpected of [0.5, 1.2, 2.5]) {
          let previousA = -1;
          let previousB = -1;
          for (let k = 0; k <= 6; k++) {
            const common = { names: { a: 'A', b: 'B' }, rules, homeExpected, awayExpected, rho: 0 };
            const extra = { extraTimeScale: 0.32, gameState: model };
            const a = forecastTie({
              ...common,
              ...extra,
              state: { goalsA: k, goalsB: 0, awayGoalsA: 0, awayGoalsB: 0 },
            });
            const b = forecastTie({
              ...common,
              ...extra,
              state: { goalsA: 0, goalsB: k, awayGoalsA: 0, awayGoalsB: k },
            });
            expect(a.a.total).toBeGreaterThanOrEqual(previousA - 1e-12);
            expect(b.b.total).toBeGreaterThanOrEqual(previousB - 1e-12);
            previousA = a.a.total;
            previousB = b.b.total;
          }
        }
      }
    }
  });
});

describe.skipIf(!hasSharedData)('ties on the shared data (real)', () => {
  const db = () => openDatabase(inject('sharedDb'), { readonly: true });

  it('Atalanta–Liverpool 2023-24: Liverpool 0-3 Atalanta, 0-1; Atalanta through on aggregate', () => {
    const database = db();
    const atalanta = findTeam(database, 'Atalanta').teamId;
    const liverpool = findTeam(database, 'Liverpool').teamId;
    const [tie] = tiesBetween(database, atalanta, liverpool, { competitions: ['uefa.el'], seasons: ['2023-24'] });
    database.close();
    expect(tie).toMatchObject({
      round: 'Quarter-finals',
      a: { name: 'Liverpool' },
      b: { name: 'Atalanta' },
      firstLeg: { date: '2024-04-11', score: { ft: [0, 3] } },
      secondLeg: { date: '2024-04-18', score: { ft: [0, 1] } },
      aggregate: { a: 1, b: 3 },
      winnerTeam: { name: 'Atalanta' },
      decidedBy: 'aggregate',
      rules: UEFA_NO_AWAY_GOALS_ERA,
    });
  });

  it('the forecast as of the day before the second leg: Liverpool an outsider, the game state above the naive', () => {
    const database = db();
    const atalanta = findTeam(database, 'Atalanta').teamId;
    const liverpool = findTeam(database, 'Liverpool').teamId;
    const [tie] = tiesBetween(database, atalanta, liverpool, { competitions: ['uefa.el'], seasons: ['2023-24'] });
    const forecaster = new TieForecaster(database);
    const request = {
      a: tie.a,
      b: tie.b,
      state: tie.stateBeforeSecondLeg!,
      rules: tie.rules!,
      neutral: false,
      before: '2024-04-18',
    };
    const saved = forecaster.modelBefore('2024-04-18');
    expect(saved.data.lastDate! < '2024-04-18').toBe(true);
    const artifact = parseTieCalibration(readFileSync(BUILT_IN, 'utf8'), BUILT_IN);
    const gameState = gameStateFor(artifact.gameState.bySeason, artifact.gameState.latest, '2024-04-18');
    const naive = forecaster.forecast(request, null);
    const withState = forecaster.forecast(request, gameState);
    database.close();
    for (const f of [naive, withState]) {
      expect(f.a.total + f.b.total).toBeCloseTo(1, 12);
      expect(f.a.total).toBeGreaterThan(0.01);
      expect(f.a.total).toBeLessThan(0.3);
      expect(f.needs.phrase).toBe('Liverpool need to win by 3 to force extra time, by 4 to go through.');
    }
    // Atalanta sit on the lead, Liverpool chase: the chasers score more than the naive rates say.
    expect(withState.secondLegExpected.away).toBeGreaterThan(naive.secondLegExpected.away);
    expect(withState.extraTimeScale).toBeGreaterThan(0.2);
    expect(withState.extraTimeScale).toBeLessThan(0.45);
  });

  it('a two-season calibration: every tie forecast, the second season with the game state of the first', () => {
    const database = db();
    const report = calibrateTies(database, { seasons: ['2022-23', '2023-24'] });
    database.close();
    const first = report.ties.filter((t) => t.season === '2022-23');
    expect(report.ties.length).toBeGreaterThan(80);
    expect(report.gameStateBySeason.map((s) => s.season)).toEqual(['2022-23', '2023-24']);
    expect(report.gameStateBySeason[0].model.matches).toBe(0);
    expect(report.gameStateBySeason[1].model.matches).toBe(first.length);
    // 2022-23 had no earlier second legs: its game state is neutral, the naive rates without the Dixon-Coles term.
    for (const t of first) expect(Math.abs(t.gameState - t.naive)).toBeLessThan(0.02);
    // Each model saw the first leg and nothing from the second leg's day on.
    for (const t of report.ties) {
      expect(t.modelBefore <= t.secondLegDate).toBe(true);
      expect(t.modelBefore > t.firstLegDate).toBe(true);
    }
    expect(report.naive.reliability.count).toBe(report.ties.length);
    expect(report.naive.brier.mean).toBeGreaterThan(0);
    expect(report.naive.brier.mean).toBeLessThan(0.25);
  });

  it('matchday tie Atalanta Liverpool --competition europa-league --season 2023-24 --json', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'src/cli/main.ts'),
        'tie',
        'Atalanta',
        'Liverpool',
        '--competition',
        'europa-league',
        '--season',
        '2023-24',
        '--json',
        '--db',
        inject('sharedDb'),
      ],
      { encoding: 'utf8', cwd: ROOT },
    );
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.asOf).toBe('2024-04-17');
    expect(report.teams.map((t: { name: string }) => t.name)).toEqual(['Atalanta', 'Liverpool']);
    const [atalanta, liverpool] = report.teams;
    expect(atalanta.through + liverpool.through).toBeCloseTo(1, 9);
    expect(liverpool.ninetyMinutes + liverpool.extraTime + liverpool.penalties).toBeCloseTo(liverpool.through, 9);
    expect(report.needs.phrase).toBe('Liverpool need to win by 3 to force extra time, by 4 to go through.');
    expect(report.calibration.team).toBe('Liverpool');
    expect(report.calibration.bin.lower).toBeLessThanOrEqual(liverpool.through);
    expect(report.calibration.bin.upper).toBeGreaterThanOrEqual(liverpool.through);
    expect(report.result).toMatchObject({ through: 'Atalanta', decidedBy: 'aggregate' });
  });
});
