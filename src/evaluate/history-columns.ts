import type { HistoryMatch } from '../history/forecast-history.js';

/**
 * A backtest's history as columns, for its trip to a forecaster thread: a structured clone of thirty thousand
 * match objects with five strings each takes about a tenth of a second each way, one typed array of numbers and
 * each distinct string once a few milliseconds. Every number is a float64 as it was, so the matches come back
 * the same to the last bit.
 */
export interface HistoryColumns {
  /** Each distinct date, competition, kind, country and season once. */
  strings: string[];
  /** FIELDS numbers a match, in the order of the offsets below (strings as indices into `strings`). */
  numbers: Float64Array;
}

const ID = 0;
const DATE = 1;
const COMPETITION = 2;
const KIND = 3;
/** −1: no country. */
const COUNTRY = 4;
const SEASON = 5;
const HOME_TEAM = 6;
const AWAY_TEAM = 7;
const HOME_GOALS = 8;
const AWAY_GOALS = 9;
const NEUTRAL = 10;
/** 1 with shots (the next four numbers), 0 without. */
const SHOTS = 11;
/** 1 with odds (the next three numbers), 0 without. */
const ODDS = 16;
const FIELDS = 20;

export function historyColumns(matches: readonly HistoryMatch[]): HistoryColumns {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const index = (text: string): number => {
    let i = indexOf.get(text);
    if (i === undefined) {
      indexOf.set(text, (i = strings.length));
      strings.push(text);
    }
    return i;
  };
  const numbers = new Float64Array(matches.length * FIELDS);
  matches.forEach((m, k) => {
    const at = k * FIELDS;
    numbers[at + ID] = m.id;
    numbers[at + DATE] = index(m.date);
    numbers[at + COMPETITION] = index(m.competition);
    numbers[at + KIND] = index(m.kind);
    numbers[at + COUNTRY] = m.country === null ? -1 : index(m.country);
    numbers[at + SEASON] = index(m.season);
    numbers[at + HOME_TEAM] = m.homeTeamId;
    numbers[at + AWAY_TEAM] = m.awayTeamId;
    numbers[at + HOME_GOALS] = m.homeGoals;
    numbers[at + AWAY_GOALS] = m.awayGoals;
    numbers[at + NEUTRAL] = m.neutral ? 1 : 0;
    if (m.shots) {
      numbers[at + SHOTS] = 1;
      numbers[at + SHOTS + 1] = m.shots.homeShots;
      numbers[at + SHOTS + 2] = m.shots.awayShots;
      numbers[at + SHOTS + 3] = m.shots.homeShotsOnTarget;
      numbers[at + SHOTS + 4] = m.shots.awayShotsOnTarget;
    }
    if (m.odds) {
      numbers[at + ODDS] = 1;
      numbers.set(m.odds, at + ODDS + 1);
    }
  });
  return { strings, numbers };
}

/** The matches back, each of the one literal shape historyMatches gives (forecast-history.ts; no odds: null). */
export function historyFromColumns({ strings, numbers }: HistoryColumns): HistoryMatch[] {
  const matches: HistoryMatch[] = new Array<HistoryMatch>(numbers.length / FIELDS);
  for (let k = 0; k < matches.length; k++) {
    const at = k * FIELDS;
    matches[k] = {
      id: numbers[at + ID],
      date: strings[numbers[at + DATE]],
      competition: strings[numbers[at + COMPETITION]],
      kind: strings[numbers[at + KIND]],
      country: numbers[at + COUNTRY] < 0 ? null : strings[numbers[at + COUNTRY]],
      season: strings[numbers[at + SEASON]],
      homeTeamId: numbers[at + HOME_TEAM],
      awayTeamId: numbers[at + AWAY_TEAM],
      homeGoals: numbers[at + HOME_GOALS],
      awayGoals: numbers[at + AWAY_GOALS],
      neutral: numbers[at + NEUTRAL] === 1,
      shots:
        numbers[at + SHOTS] === 1
          ? {
              homeShots: numbers[at + SHOTS + 1],
              awayShots: numbers[at + SHOTS + 2],
              homeShotsOnTarget: numbers[at + SHOTS + 3],
              awayShotsOnTarget: numbers[at + SHOTS + 4],
            }
          : null,
      odds: numbers[at + ODDS] === 1 ? [numbers[at + ODDS + 1], numbers[at + ODDS + 2], numbers[at + ODDS + 3]] : null,
    };
  }
  return matches;
}
