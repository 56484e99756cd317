import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { BracketReport } from '../../src/knockout/bracket-forecast.js';
import { findPrecedents, readBracketState } from '../../src/knockout/knockout-reader.js';
import { DEFAULT_PRECEDENT_QUERY } from '../../src/knockout/precedents.js';
import { openDatabase } from '../../src/store/database.js';
import { hasSharedData } from '../shared-data.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');

function matchday(args: string[]): BracketReport & { model: unknown } {
  const result = spawnSync(process.execPath, [BIN, ...args, '--db', inject('sharedDb'), '--json'], {
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as BracketReport & { model: unknown };
}

describe.skipIf(!hasSharedData)('precedents and brackets on the shared data', () => {
  const db = () => openDatabase(inject('sharedDb'), { readonly: true });

  it('finds no Europa League knockout tie lost after a 3+ away first-leg win before Atalanta–Liverpool', () => {
    const database = db();
    const result = findPrecedents(database, {
      ...DEFAULT_PRECEDENT_QUERY,
      competitions: ['uefa.el'],
      firstLegWinner: 'away',
      minMargin: 3,
      before: '2024-04-17',
    });
    database.close();
    // UEFA Cup history from 1971-72 and the Europa League: the seed's 132 less 2019-20 (not in the data) and two
    // first legs of 2020-21 played in a third country (neither home nor away).
    expect(result.count).toBe(127);
    expect(result.eliminated.total).toBe(0);
    const receipt = (t: (typeof result.ties)[number]) =>
      `${t.firstLeg.home.name} ${t.firstLeg.score} ${t.firstLeg.away.name}`;
    expect(result.ties.filter((t) => t.season >= '2019-20').map(receipt)).toEqual(['AC Sparta Praha 1-5 Liverpool']);
    expect(result.ties.filter((t) => t.season === '2012-13').map(receipt)).toEqual(['SSC Napoli 0-3 Viktoria Plzen']);
  });

  it('lists the famous Champions League comebacks from 3+ home first-leg defeats as receipts', () => {
    const database = db();
    const result = findPrecedents(database, {
      ...DEFAULT_PRECEDENT_QUERY,
      competitions: ['uefa.cl'],
      firstLegWinner: 'home',
      minMargin: 3,
      outcome: 'eliminated',
    });
    database.close();
    expect(result.eliminated.total).toBe(result.ties.length);
    expect(result.eliminated.total).toBeLessThan(0.1 * result.count);
    const receipts = result.ties.map(
      (t) => `${t.season} ${t.firstLegWinner.name} ${t.firstLeg.score} ${t.secondLeg.score}`,
    );
    expect(receipts).toContain('2016-17 Paris Saint-Germain 4-0 6-1');
    expect(receipts).toContain('2018-19 Barcelona 3-0 4-0');
    expect(receipts).toContain('2003-04 AC Milan 4-1 4-0');
  });

  it('reads the Europa League 2023-24 semi-final path as it stood before the quarter-final second legs', () => {
    const database = db();
    const state = readBracketState(database, 'uefa.el', '2023-24', '2024-04-17');
    database.close();
    const semis = state.rounds.find((r) => r.name === 'Semi-finals')!;
    expect(semis.knownBecause).toBe('drawn-with-previous-round');
    const quarters = state.rounds[state.currentRound!];
    expect(quarters.name).toBe('Quarter-finals');
    const tieOf = (name: string) =>
      quarters.ties.findIndex((t) => t.sides.some((s) => 'team' in s && s.team.name === name));
    const paths = semis.ties.map((t) => t.sides.map((s) => ('winnerOf' in s ? s.winnerOf : -1)).sort());
    expect(paths).toContainEqual([tieOf('Atalanta'), tieOf('Olympique Marseille')].sort());
    expect(paths).toContainEqual([tieOf('AS Roma'), tieOf('Bayer Leverkusen')].sort());
  });

  it('matchday bracket --as-of 2024-04-17: exact odds, pairings and "will face Benfica or Marseille"', () => {
    const report = matchday([
      'bracket',
      '--competition',
      'europa-league',
      '--season',
      '2023-24',
      '--as-of',
      '2024-04-17',
    ]);
    expect(report.method).toBe('exact');
    expect(report.phrases).toContain(
      'The winners of Liverpool v Atalanta will face SL Benfica or Olympique Marseille in the semi-finals.',
    );
    const sum = (key: 'Semi-finals' | 'Final') => report.teams.reduce((s, t) => s + t.reach[key], 0);
    expect(sum('Semi-finals')).toBeCloseTo(4, 9);
    expect(sum('Final')).toBeCloseTo(2, 9);
    expect(report.teams.reduce((s, t) => s + t.win, 0)).toBeCloseTo(1, 9);
    const team = (name: string) => report.teams.find((t) => t.name === name)!;
    expect(team('Atalanta').reach['Semi-finals']).toBeGreaterThan(0.8);
    expect(team('Liverpool').reach['Semi-finals']).toBeLessThan(0.2);
    const semi = report.rounds.find((r) => r.name === 'Semi-finals')!;
    const pairings = semi.ties.flatMap((t) =>
      t.pairings!.map((p) =>
        p.teams
          .map((x) => x.name)
          .sort()
          .join(' v '),
      ),
    );
    expect(pairings).toContain('Atalanta v Olympique Marseille');
    expect(pairings).toContain('AS Roma v Bayer Leverkusen');
  });

  it('matchday bracket during the round of 16: the quarter-finals still to be drawn, simulated on worker threads', () => {
    const args = ['bracket', '--competition', 'europa-league', '--season', '2023-24', '--as-of', '2024-03-10'];
    const onWorkers = matchday([...args, '--runs', '20000', '--threads', '2']);
    const inThread = matchday([...args, '--runs', '20000', '--threads', '0']);
    expect(onWorkers.method).toBe('monte-carlo');
    expect(onWorkers.simulation).toMatchObject({ runs: 20000, seed: 1, threads: 2 });
    expect(inThread.teams).toEqual(onWorkers.teams);
    expect(onWorkers.rounds.find((r) => r.name === 'Quarter-finals')!.pairing).toBe('draw');
    expect(onWorkers.teams).toHaveLength(16);
    expect(onWorkers.teams.reduce((s, t) => s + t.reach['Quarter-finals'], 0)).toBeCloseTo(8, 9);
  });
});
