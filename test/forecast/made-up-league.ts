import { createdCompetition, type Competition, type LeagueSplit } from '../../src/competitions/competition.js';
import { CompetitionRegistry } from '../../src/competitions/registry.js';
import { memoryForecastSource, type HistoryMatch } from '../../src/history/forecast-history.js';
import { SeededRandom } from '../../src/models/random.js';

/** A league of our own, in the registry's terms. */
export interface MadeUpLeague {
  code: string;
  teams: number;
  /** Times each pair meets before any split. */
  robins: number;
  split?: LeagueSplit;
  relegation: number;
  calendar: 'calendar-year' | 'autumn-spring';
  /** False: a league created from a file (format unknown). */
  formatKnown: boolean;
  /** 1 unless given (a league of unknown format has none). */
  tier?: number;
}

/** The league as the registry would hold it. */
export function competitionOf(league: MadeUpLeague): Competition {
  const base = createdCompetition({
    code: league.code,
    name: `Made-up ${league.code}`,
    kind: 'league',
    country: null,
    tier: league.formatKnown ? (league.tier ?? 1) : null,
    aliases: [],
    calendar: league.calendar,
  });
  if (!league.formatKnown) return base;
  const always = { from: null, until: null };
  return {
    ...base,
    robins: [{ ...always, value: league.robins }],
    split: league.split ? [{ ...always, value: league.split }] : [],
    points: [{ ...always, value: { win: 3, draw: 1 } }],
    relegation: league.relegation,
    origin: 'user',
    formatKnown: true,
  };
}

const DAY_MS = 86_400_000;

/**
 * Seeded results, one round a week from early March (calendar-year seasons) or early August, every pair meeting
 * `robins` times (home and away alternating), then a split's rounds within its groups by the table. Team ids are
 * 1..teams, the lower the stronger; `seasons` are start years.
 */
export function madeUpMatches(league: MadeUpLeague, seasons: number[], seed = 11): HistoryMatch[] {
  const rng = new SeededRandom(seed);
  const strength = (team: number) => 0.45 - (0.9 * (team - 1)) / (league.teams - 1);
  const matches: HistoryMatch[] = [];
  let id = 1;
  for (const year of seasons) {
    const season =
      league.calendar === 'calendar-year' ? String(year) : `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
    let day = Date.UTC(year, league.calendar === 'calendar-year' ? 2 : 7, 1);
    while (new Date(day).getUTCDay() !== 6) day += DAY_MS;
    const play = (rounds: [number, number][][]): void => {
      for (const round of rounds) {
        const date = new Date(day).toISOString().slice(0, 10);
        for (const [home, away] of round) {
          matches.push({
            id: id++,
            date,
            competition: league.code,
            kind: 'league',
            country: null,
            season,
            homeTeamId: home,
            awayTeamId: away,
            homeGoals: rng.poisson(Math.exp(0.25 + strength(home) - strength(away))),
            awayGoals: rng.poisson(Math.exp(0.05 + strength(away) - strength(home))),
            neutral: false,
            shots: null,
          });
        }
        day += 7 * DAY_MS;
      }
    };
    const teams = Array.from({ length: league.teams }, (_, i) => i + 1);
    play(roundRobin(teams, league.robins));
    if (league.split) {
      // The groups by the table after the split's rounds (points only, ties to the lower id).
      const points = new Map(teams.map((t) => [t, 0]));
      for (const m of matches.filter((m) => m.season === season)) {
        const home = m.homeGoals > m.awayGoals ? 3 : m.homeGoals === m.awayGoals ? 1 : 0;
        const away = m.awayGoals > m.homeGoals ? 3 : m.homeGoals === m.awayGoals ? 1 : 0;
        points.set(m.homeTeamId, points.get(m.homeTeamId)! + home);
        points.set(m.awayTeamId, points.get(m.awayTeamId)! + away);
      }
      const order = [...teams].sort((a, b) => points.get(b)! - points.get(a)! || a - b);
      let start = 0;
      const groupRounds = league.split.groups.map((size) => {
        const group = order.slice(start, (start += size));
        return roundRobin(group, league.split!.robins);
      });
      for (let r = 0; r < Math.max(...groupRounds.map((g) => g.length)); r++) {
        play([groupRounds.flatMap((g) => g[r] ?? [])]);
      }
    }
  }
  return matches;
}

/** Circle-method rounds, every pair `robins` times, home and away swapped every other time. */
function roundRobin(teams: number[], robins: number): [number, number][][] {
  const clubs = teams.length % 2 === 0 ? teams : [...teams, -1];
  const n = clubs.length;
  const rotating = clubs.slice(1);
  const once: [number, number][][] = [];
  for (let r = 0; r < n - 1; r++) {
    const order = [clubs[0], ...rotating.slice(r), ...rotating.slice(0, r)];
    const round: [number, number][] = [];
    for (let i = 0; i < n / 2; i++) {
      const [a, b] = [order[i], order[n - 1 - i]];
      if (a !== -1 && b !== -1) round.push(r % 2 === 0 ? [a, b] : [b, a]);
    }
    once.push(round);
  }
  const rounds: [number, number][][] = [];
  for (let k = 0; k < robins; k++) {
    rounds.push(...once.map((round) => round.map(([h, a]): [number, number] => (k % 2 === 0 ? [h, a] : [a, h]))));
  }
  return rounds;
}

/** The matches as a forecast source, the league in the registry. */
export function madeUpSource(league: MadeUpLeague, matches: HistoryMatch[]) {
  const teams = new Map(
    Array.from({ length: league.teams }, (_, i) => [i + 1, { name: `Team ${i + 1}`, country: null }]),
  );
  return memoryForecastSource({
    matches,
    olderTotals: new Map(),
    teams,
    registry: CompetitionRegistry.builtIn().with([competitionOf(league)]),
    held: new Set([league.code]),
  });
}
