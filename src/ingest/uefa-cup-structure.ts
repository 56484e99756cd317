/**
 * The structure of a UEFA Cup history given only its matches (date, home, away): which edition each match belongs
 * to, which matches are group games, which pairs of meetings are the legs of a tie, which meeting is a replay, and
 * the name of each round. schochastics' uefa-el.csv has no round, leg or venue column; everything here follows from
 * the dates and from who met whom.
 *
 * - Editions: a season runs from one summer break to the next, the break being the longest gap between match days
 *   from May to September. The Inter-Cities Fairs Cup's first two editions ran 1955-58 and 1958-60 (EDITIONS), and
 *   some of its finals were played after the summer: when an edition ends with two semi-finals and the next one opens
 *   with a tie between a team of each, that tie is the earlier edition's final.
 * - Group stages (from 2004-05): a match between two teams with two or more common opponents in the autumn (September
 *   to December) is a group game; knockout pairs never share one there. The 1955-58 edition opened with groups too.
 * - Ties: the meetings of a pair outside the group stage; two are legs 1 and 2 in date order, a third is a replay.
 * - Rounds: from 1971-72 the UEFA Cup gave each round its own weeks, so the ties whose first meetings fall within
 *   ten days of each other are one round (a tie played away from its round's weeks joins the round next to it that
 *   has neither of its teams). The Fairs Cup's rounds overlapped for months, so there a tie's round is counted back
 *   from the final along its teams: the teams of a round-n tie played their previous ties in round n-1.
 */

/** One match as the structure needs it: teams are the file's unique identifiers. */
export interface Meeting {
  date: string;
  home: string;
  away: string;
}

export interface MeetingPlace {
  /** The year the edition started: 1955 for the 1955-58 Fairs Cup, 2018 for 2018-19. */
  seasonStartYear: number;
  /** `Group stage`, `Qualifying round 2`, `First round`, `Round of 16`, `Final`, `Quarter-finals replay`, ... */
  round: string;
  leg: 1 | 2 | null;
}

/** Editions spanning several seasons, each labelled by its first: the Fairs Cup's 1955-58 and 1958-60. */
const EDITIONS: readonly { startYear: number; until: string; groupsUntil: string | null }[] = [
  // Four groups (June 1955 - June 1957), then semi-finals and the final.
  { startYear: 1955, until: '1958-06-30', groupsUntil: '1957-06-30' },
  { startYear: 1958, until: '1960-06-30', groupsUntil: null },
];
const FIRST_SEASON_WITH_ROUND_WEEKS = 1971;
/** From 2009-10 the Europa League's last qualifying round was called the play-off round. */
const FIRST_SEASON_WITH_PLAY_OFF_ROUND = 2009;
const ROUND_WEEKS_GAP_DAYS = 10;
const DAY_MS = 86_400_000;

interface Tie {
  /** Meeting indexes in date order. */
  meetings: number[];
  teams: [string, string];
  first: number;
  last: number;
}

/** The structure of every meeting, in the order given. */
export function uefaCupStructure(meetings: readonly Meeting[]): MeetingPlace[] {
  const days = meetings.map((m) => dayNumber(m.date));
  const order = meetings.map((_, i) => i).sort((a, b) => days[a] - days[b] || a - b);
  const seasons = assignSeasons(meetings, days, order);
  moveLateFinals(meetings, days, seasons);

  const places: MeetingPlace[] = new Array(meetings.length);
  const bySeason = new Map<number, number[]>();
  for (const i of order) {
    const list = bySeason.get(seasons[i]);
    if (list) list.push(i);
    else bySeason.set(seasons[i], [i]);
  }
  for (const [startYear, indexes] of bySeason) {
    placeSeason(startYear, indexes, meetings, days, places);
  }
  return places;
}

function dayNumber(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS;
}

function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The edition of every meeting: the multi-season editions, else the season between two summer breaks. */
function assignSeasons(meetings: readonly Meeting[], days: number[], order: number[]): number[] {
  const matchDays = [...new Set(order.map((i) => days[i]))];
  const seasonStart = new Map<number, number>();
  const years = new Set(meetings.map((m) => Number(m.date.slice(0, 4))));
  for (const year of years) seasonStart.set(year, summerBreakEnd(matchDays, year));
  return meetings.map((m, i) => {
    const edition = EDITIONS.find((e) => m.date <= e.until && Number(m.date.slice(0, 4)) >= e.startYear);
    if (edition) return edition.startYear;
    const year = Number(m.date.slice(0, 4));
    return days[i] >= seasonStart.get(year)! ? year : year - 1;
  });
}

/**
 * The first match day after the year's summer break: the longest gap between match days from May to September
 * (the 1st of May and the first match day after September, or else the end of September, count as its edges).
 */
function summerBreakEnd(matchDays: number[], year: number): number {
  const from = dayOf(year, 5, 1);
  const to = dayOf(year, 9, 30);
  const edges = [from, ...matchDays.filter((d) => d >= from && d <= to)];
  const after = matchDays.find((d) => d > to);
  edges.push(after ?? to + 1);
  let best = { gap: -1, end: to + 1 };
  for (let k = 1; k < edges.length; k++) {
    const gap = edges[k] - edges[k - 1];
    if (gap > best.gap) best = { gap, end: edges[k] };
  }
  return best.end;
}

/**
 * A Fairs Cup final played after the summer (1961, 1962, 1966, 1967, 1968) falls in the next season by its dates:
 * when a season's last two ties share no team (two semi-finals, no final) and the next season has exactly one tie
 * between a team of each, played before those teams' other matches of that season, it is the earlier season's final.
 */
function moveLateFinals(meetings: readonly Meeting[], days: number[], seasons: number[]): void {
  const years = [...new Set(seasons)].sort((a, b) => a - b);
  for (let k = 1; k < years.length; k++) {
    const previous = tiesOf(meetings, days, indexesOf(seasons, years[k - 1]));
    if (previous.length < 2) continue;
    const [semiA, semiB] = previous.sort((a, b) => b.last - a.last);
    if (semiA.teams.some((t) => semiB.teams.includes(t))) continue;
    const next = indexesOf(seasons, years[k]);
    const candidates = tiesOf(meetings, days, next).filter(
      (t) => t.teams.some((x) => semiA.teams.includes(x)) && t.teams.some((x) => semiB.teams.includes(x)),
    );
    if (candidates.length !== 1) continue;
    const final = candidates[0];
    const earlierOther = next.some(
      (i) =>
        !final.meetings.includes(i) &&
        days[i] < final.first &&
        final.teams.some((t) => t === meetings[i].home || t === meetings[i].away),
    );
    if (earlierOther) continue;
    for (const i of final.meetings) seasons[i] = years[k - 1];
  }
}

function indexesOf(seasons: number[], year: number): number[] {
  const out: number[] = [];
  seasons.forEach((s, i) => {
    if (s === year) out.push(i);
  });
  return out;
}

/** The pairs that met among the given meetings, each with its meetings in date order. */
function tiesOf(meetings: readonly Meeting[], days: number[], indexes: readonly number[]): Tie[] {
  const byPair = new Map<string, Tie>();
  const sorted = [...indexes].sort((a, b) => days[a] - days[b] || a - b);
  for (const i of sorted) {
    const { home, away } = meetings[i];
    const key = home < away ? `${home}\u0000${away}` : `${away}\u0000${home}`;
    const tie = byPair.get(key);
    if (tie) {
      tie.meetings.push(i);
      tie.last = days[i];
    } else byPair.set(key, { meetings: [i], teams: [home, away], first: days[i], last: days[i] });
  }
  return [...byPair.values()];
}

/** Group games, ties, legs, replays and round names of one edition. */
function placeSeason(
  startYear: number,
  indexes: number[],
  meetings: readonly Meeting[],
  days: number[],
  places: MeetingPlace[],
): void {
  const group = groupGames(startYear, indexes, meetings, days);
  for (const i of group) places[i] = { seasonStartYear: startYear, round: 'Group stage', leg: null };
  const ties = tiesOf(
    meetings,
    days,
    indexes.filter((i) => !group.has(i)),
  ).sort((a, b) => a.first - b.first || a.meetings[0] - b.meetings[0]);
  if (ties.length === 0) return;
  const groupStart = group.size > 0 ? Math.min(...[...group].map((i) => days[i])) : null;
  const rounds = startYear >= FIRST_SEASON_WITH_ROUND_WEEKS ? roundsByWeeks(ties) : roundsCountedFromTheFinal(ties);
  const names = roundNames(startYear, rounds, groupStart);
  rounds.forEach((round, r) => {
    for (const tie of round) {
      const [first, second, ...replays] = tie.meetings;
      const twoLegged = second !== undefined;
      places[first] = { seasonStartYear: startYear, round: names[r], leg: twoLegged ? 1 : null };
      if (twoLegged) places[second] = { seasonStartYear: startYear, round: names[r], leg: 2 };
      for (const i of replays) places[i] = { seasonStartYear: startYear, round: `${names[r]} replay`, leg: null };
    }
  });
}

/**
 * Group games: the 1955-58 edition's opening groups, and from the autumn of any edition the matches between two teams
 * that both met two or more of the same opponents there (a group of four or five; a knockout pair shares none).
 */
function groupGames(startYear: number, indexes: number[], meetings: readonly Meeting[], days: number[]): Set<number> {
  const edition = EDITIONS.find((e) => e.startYear === startYear);
  if (edition?.groupsUntil) {
    const until = dayNumber(edition.groupsUntil);
    return new Set(indexes.filter((i) => days[i] <= until));
  }
  const autumn = indexes.filter((i) => days[i] >= dayOf(startYear, 9, 1) && days[i] <= dayOf(startYear, 12, 31));
  const opponents = new Map<string, Set<string>>();
  const add = (team: string, opponent: string) => {
    const set = opponents.get(team);
    if (set) set.add(opponent);
    else opponents.set(team, new Set([opponent]));
  };
  for (const i of autumn) {
    add(meetings[i].home, meetings[i].away);
    add(meetings[i].away, meetings[i].home);
  }
  return new Set(
    autumn.filter((i) => {
      const home = opponents.get(meetings[i].home)!;
      let common = 0;
      for (const team of opponents.get(meetings[i].away)!) if (home.has(team)) common++;
      return common >= 2;
    }),
  );
}

/**
 * Rounds as calendar windows: ties whose first meetings are within ten days of the previous tie's are one round; then
 * neighbouring windows with no team in common are one round (a tie played weeks away from the rest of its round).
 */
function roundsByWeeks(ties: Tie[]): Tie[][] {
  const windows: Tie[][] = [];
  for (const tie of ties) {
    const current = windows[windows.length - 1];
    if (current && tie.first - current[current.length - 1].first < ROUND_WEEKS_GAP_DAYS) current.push(tie);
    else windows.push([tie]);
  }
  for (let k = 1; k < windows.length;) {
    const teams = new Set(windows[k - 1].flatMap((t) => t.teams));
    if (windows[k].some((t) => t.teams.some((x) => teams.has(x)))) k++;
    else windows.splice(k - 1, 2, [...windows[k - 1], ...windows[k]]);
  }
  return windows;
}

/**
 * Rounds counted back from the final: the final is the tie that ended last; each team of a tie in round n played its
 * previous tie in round n-1. A tie no chain reaches (its winner's next tie is missing) joins the earliest round whose
 * first meetings span its own.
 */
function roundsCountedFromTheFinal(ties: Tie[]): Tie[][] {
  const byTeam = new Map<string, Tie[]>();
  for (const tie of ties) {
    for (const team of tie.teams) {
      const list = byTeam.get(team);
      if (list) list.push(tie);
      else byTeam.set(team, [tie]);
    }
  }
  const depth = new Map<Tie, number>();
  const final = ties.reduce((a, b) => (b.last > a.last ? b : a));
  depth.set(final, 0);
  const queue = [final];
  while (queue.length > 0) {
    const tie = queue.shift()!;
    for (const team of tie.teams) {
      const earlier = byTeam.get(team)!.filter((t) => t.first < tie.first);
      const previous = earlier[earlier.length - 1];
      if (!previous || depth.has(previous)) continue;
      depth.set(previous, depth.get(tie)! + 1);
      queue.push(previous);
    }
  }
  const deepest = Math.max(...depth.values());
  const rounds: Tie[][] = Array.from({ length: deepest + 1 }, () => []);
  for (const [tie, d] of depth) rounds[deepest - d].push(tie);
  const spans = rounds.map((round) => ({
    from: Math.min(...round.map((t) => t.first)),
    to: Math.max(...round.map((t) => t.first)),
  }));
  for (const tie of ties) {
    if (depth.has(tie)) continue;
    let r = spans.findIndex((s) => tie.first >= s.from && tie.first <= s.to);
    if (r < 0) r = nearestSpan(spans, tie.first);
    rounds[r].push(tie);
  }
  return rounds.map((round) => round.sort((a, b) => a.first - b.first));
}

function nearestSpan(spans: { from: number; to: number }[], day: number): number {
  let best = 0;
  let bestDistance = Infinity;
  spans.forEach((s, r) => {
    const distance = day < s.from ? s.from - day : day - s.to;
    if (distance < bestDistance) {
      best = r;
      bestDistance = distance;
    }
  });
  return best;
}

/**
 * Names of the rounds, in date order. From the end: Final, Semi-finals, Quarter-finals, then after a group stage
 * Round of 16 and Round of 32, otherwise First round, Second round, ... counted from the first main round. Rounds
 * played entirely before September (before the main draw) are qualifying rounds: `Qualifying round` alone,
 * `Qualifying round 1`, `2`, ..., and from 2009-10 the last of them is the play-off round.
 */
function roundNames(startYear: number, rounds: Tie[][], groupStart: number | null): string[] {
  const september = dayOf(startYear, 9, 1);
  const qualifying = rounds.map((round) => round.every((t) => t.first < september));
  const names: string[] = new Array(rounds.length);
  const afterGroups = rounds.map((round) => groupStart !== null && round[0].first > groupStart);

  const knockout = rounds.map((_, r) => r).filter((r) => !qualifying[r] && (groupStart === null || afterGroups[r]));
  const fromEnd = ['Final', 'Semi-finals', 'Quarter-finals', 'Round of 16', 'Round of 32'];
  const numbered = ['First round', 'Second round', 'Third round', 'Fourth round', 'Fifth round'];
  knockout.forEach((r, k) => {
    const fromLast = knockout.length - 1 - k;
    if (fromLast < 3 || groupStart !== null) names[r] = fromEnd[fromLast] ?? `Knockout round ${k + 1}`;
    else names[r] = numbered[k] ?? `Round ${k + 1}`;
  });
  const beforeGroups = rounds.map((_, r) => r).filter((r) => !qualifying[r] && names[r] === undefined);
  beforeGroups.forEach((r, k) => (names[r] = numbered[k] ?? `Round ${k + 1}`));

  const qualifyingRounds = rounds.map((_, r) => r).filter((r) => qualifying[r]);
  const count = qualifyingRounds.length;
  qualifyingRounds.forEach((r, k) => {
    const fromLast = count - 1 - k;
    if (startYear >= FIRST_SEASON_WITH_PLAY_OFF_ROUND) {
      // The play-off round, then qualifying rounds 3, 2, 1 counted back from it; anything earlier is preliminary.
      names[r] =
        fromLast === 0 ? 'Play-off round' : fromLast <= 3 ? `Qualifying round ${4 - fromLast}` : 'Preliminary round';
    } else names[r] = count === 1 ? 'Qualifying round' : `Qualifying round ${k + 1}`;
  });
  return names;
}
