import { MatchdayError } from '../errors.js';

/**
 * The input of every goal-model fit: matches as parallel typed arrays over team indices 0..teamCount−1.
 * history/ builds it from the store; tests and benches build it with `fitDataFromMatches`.
 */
export interface FitData {
  readonly teamCount: number;
  readonly homeTeam: Int32Array;
  readonly awayTeam: Int32Array;
  readonly homeGoals: Int32Array;
  readonly awayGoals: Int32Array;
  /** 1 = played at a neutral ground: no home advantage. */
  readonly neutral: Uint8Array;
  /** Days from each match to the date the model is fitted for (≥ 0); weight = exp(−ξ·ageDays). Omitted = all 0. */
  readonly ageDays?: Float64Array;
  /**
   * Group of each team (0..groupCount−1), e.g. its league: the prior pulls a team toward its group's mean,
   * and a team without matches is predicted at that mean. Omitted = one group.
   */
  readonly teamGroup?: Int32Array;
  /** Team names by index, carried into the fitted model so saved JSON says who is who. */
  readonly teamNames?: readonly string[];
}

/** Throws MatchdayError('FIT_DATA_INVALID') naming the first problem found. */
export function validateFitData(data: FitData): void {
  const n = data.homeTeam.length;
  const fail = (field: string, message: string): never => {
    throw new MatchdayError('FIT_DATA_INVALID', message, { field });
  };
  if (!Number.isInteger(data.teamCount) || data.teamCount < 0)
    fail('teamCount', `teamCount must be a whole number ≥ 0, got ${data.teamCount}`);
  for (const [field, length] of [
    ['awayTeam', data.awayTeam.length],
    ['homeGoals', data.homeGoals.length],
    ['awayGoals', data.awayGoals.length],
    ['neutral', data.neutral.length],
    ['ageDays', data.ageDays?.length ?? n],
  ] as const) {
    if (length !== n) fail(field, `${field} has ${length} entries, homeTeam has ${n}`);
  }
  if (data.teamGroup && data.teamGroup.length !== data.teamCount) {
    fail('teamGroup', `teamGroup has ${data.teamGroup.length} entries for ${data.teamCount} teams`);
  }
  if (data.teamNames && data.teamNames.length !== data.teamCount) {
    fail('teamNames', `teamNames has ${data.teamNames.length} entries for ${data.teamCount} teams`);
  }
  for (let i = 0; i < n; i++) {
    const h = data.homeTeam[i];
    const a = data.awayTeam[i];
    if (h < 0 || h >= data.teamCount)
      fail('homeTeam', `match ${i}: home team index ${h} outside 0..${data.teamCount - 1}`);
    if (a < 0 || a >= data.teamCount)
      fail('awayTeam', `match ${i}: away team index ${a} outside 0..${data.teamCount - 1}`);
    if (h === a) fail('awayTeam', `match ${i}: team ${h} plays itself`);
    if (data.homeGoals[i] < 0) fail('homeGoals', `match ${i}: negative home goals ${data.homeGoals[i]}`);
    if (data.awayGoals[i] < 0) fail('awayGoals', `match ${i}: negative away goals ${data.awayGoals[i]}`);
    if (data.neutral[i] > 1) fail('neutral', `match ${i}: neutral flag must be 0 or 1, got ${data.neutral[i]}`);
    if (data.ageDays) {
      const age = data.ageDays[i];
      if (!(age >= 0) || !Number.isFinite(age))
        fail('ageDays', `match ${i}: age in days must be finite and ≥ 0, got ${age}`);
    }
  }
  if (data.teamGroup) {
    for (let t = 0; t < data.teamCount; t++) {
      if (data.teamGroup[t] < 0) fail('teamGroup', `team ${t}: negative group ${data.teamGroup[t]}`);
    }
  }
}

/** Number of groups: 1 + the largest group index (1 when teams are not grouped). */
export function groupCount(data: FitData): number {
  if (!data.teamGroup || data.teamCount === 0) return 1;
  let max = 0;
  for (let t = 0; t < data.teamCount; t++) max = Math.max(max, data.teamGroup[t]);
  return max + 1;
}

/** One played match by team name. */
export interface NamedMatch {
  homeTeam: string;
  awayTeam: string;
  homeGoals: number;
  awayGoals: number;
  neutral?: boolean;
  ageDays?: number;
}

export interface FitDataOptions {
  /**
   * Teams in index order. Teams listed without matches get a prior-only forecast. When omitted, teams are
   * indexed in order of first appearance.
   */
  teams?: readonly string[];
  /** Group index of a team (e.g. its league); omitted = one group. */
  groupOf?: (team: string) => number;
}

/** FitData from named matches; throws MatchdayError on a team missing from `options.teams` or a bad score. */
export function fitDataFromMatches(matches: readonly NamedMatch[], options: FitDataOptions = {}): FitData {
  const names: string[] = options.teams ? [...options.teams] : [];
  const indexOf = new Map<string, number>();
  names.forEach((name, i) => {
    if (indexOf.has(name)) throw new MatchdayError('FIT_DATA_INVALID', `team listed twice`, { team: name });
    indexOf.set(name, i);
  });
  const teamIndex = (name: string, field: string): number => {
    let index = indexOf.get(name);
    if (index === undefined) {
      if (options.teams)
        throw new MatchdayError('FIT_DATA_INVALID', 'team is not in the team list', { team: name, field });
      index = names.length;
      names.push(name);
      indexOf.set(name, index);
    }
    return index;
  };

  const n = matches.length;
  const homeTeam = new Int32Array(n);
  const awayTeam = new Int32Array(n);
  const homeGoals = new Int32Array(n);
  const awayGoals = new Int32Array(n);
  const neutral = new Uint8Array(n);
  const ageDays = new Float64Array(n);
  matches.forEach((m, i) => {
    homeTeam[i] = teamIndex(m.homeTeam, 'homeTeam');
    awayTeam[i] = teamIndex(m.awayTeam, 'awayTeam');
    for (const [field, goals] of [
      ['homeGoals', m.homeGoals],
      ['awayGoals', m.awayGoals],
    ] as const) {
      if (!Number.isInteger(goals) || goals < 0) {
        throw new MatchdayError('FIT_DATA_INVALID', `match ${i}: goals must be a whole number ≥ 0, got ${goals}`, {
          field,
        });
      }
    }
    homeGoals[i] = m.homeGoals;
    awayGoals[i] = m.awayGoals;
    neutral[i] = m.neutral ? 1 : 0;
    ageDays[i] = m.ageDays ?? 0;
  });
  const groupOf = options.groupOf;
  const data: FitData = {
    teamCount: names.length,
    homeTeam,
    awayTeam,
    homeGoals,
    awayGoals,
    neutral,
    ageDays,
    teamNames: names,
    ...(groupOf ? { teamGroup: Int32Array.from(names, (name) => groupOf(name)) } : {}),
  };
  validateFitData(data);
  return data;
}
