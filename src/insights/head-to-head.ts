import type {
  AwayStartFact,
  CompetitionScope,
  FirstMeetingFact,
  HeadToHeadRecordFact,
  LastMeetingFact,
  NeverMetFact,
} from './facts.js';
import type { InsightContext } from './insight-context.js';
import { inScope, receipts, summarize, type TeamMatch } from './match-history.js';
import { binomialSurprise, checkedNotability, CONTEXT_BASE, rarity } from './notability.js';

type HeadToHeadFact = HeadToHeadRecordFact | FirstMeetingFact | LastMeetingFact | NeverMetFact | AwayStartFact;

/** Background facts: worth having, rarely the headline. */
const FIRST_MEETING_NOTABILITY = 0.6;
const LAST_MEETING_NOTABILITY = 0.7;
/** "They have never met" is a headline when both clubs have a long history in the data. */
const NEVER_MET_NOTABILITY = 1;
/** Shortest winning start that makes an "only team to win its first N visits" claim. */
const AWAY_START_MINIMUM = 2;

export function headToHeadFacts(ctx: InsightContext): HeadToHeadFact[] {
  const { homeTeamId, awayTeamId } = ctx.fixture;
  const meetings = ctx.history.of(homeTeamId).filter((tm) => tm.opponentId === awayTeamId);
  const facts: HeadToHeadFact[] = [];
  if (meetings.length === 0) {
    const neverMet = neverMetFact(ctx);
    return neverMet ? [neverMet] : [];
  }
  for (const competitions of scopes(ctx)) {
    const inCompetitions = meetings.filter((tm) => inScope(tm, competitions, 'any'));
    // A scoped record that covers every meeting says nothing the all-competitions one does not.
    if (competitions !== 'all' && inCompetitions.length === meetings.length) continue;
    for (const venue of ['any', 'home'] as const) {
      const list = inCompetitions.filter((tm) => inScope(tm, 'all', venue));
      if (list.length > 0) facts.push(recordFact(ctx, list, competitions, venue));
    }
  }
  const first = meetings[0];
  facts.push({
    family: 'head-to-head',
    kind: 'h2h-first-meeting',
    teamId: homeTeamId,
    opponentId: awayTeamId,
    meeting: summarize(first.match),
    meetingsTotal: meetings.length,
    scope: ctx.scopes.of(
      [homeTeamId, awayTeamId],
      meetings.map((tm) => tm.match),
    ),
    matchIds: [first.match.id],
    notability: FIRST_MEETING_NOTABILITY,
  });
  if (meetings.length > 1) {
    const last = meetings[meetings.length - 1];
    facts.push({
      family: 'head-to-head',
      kind: 'h2h-last-meeting',
      teamId: homeTeamId,
      opponentId: awayTeamId,
      meeting: summarize(last.match),
      scope: ctx.scopes.of(
        [homeTeamId, awayTeamId],
        meetings.map((tm) => tm.match),
      ),
      matchIds: [last.match.id],
      notability: LAST_MEETING_NOTABILITY,
    });
  }
  for (const competitions of scopes(ctx)) {
    for (const [visitor, host] of [
      [homeTeamId, awayTeamId],
      [awayTeamId, homeTeamId],
    ]) {
      const fact = awayStartFact(ctx, visitor, host, competitions);
      if (fact) facts.push(fact);
    }
  }
  return facts;
}

/** All competitions, plus the fixture's kind of competition ("in Europe") when it is known. */
function scopes(ctx: InsightContext): CompetitionScope[] {
  return ctx.fixtureKind ? ['all', ctx.fixtureKind] : ['all'];
}

function recordFact(
  ctx: InsightContext,
  list: readonly TeamMatch[],
  competitions: CompetitionScope,
  venue: 'any' | 'home',
): HeadToHeadRecordFact {
  const count = (o: string) => list.filter((tm) => tm.outcome === o).length;
  const wins = count('W');
  const losses = count('L');
  // A one-sided record is more telling than an even one.
  const dominance = wins + losses > 0 ? binomialSurprise(wins + losses, wins, 0.5) : 0;
  return {
    family: 'head-to-head',
    kind: 'h2h-record',
    teamId: ctx.fixture.homeTeamId,
    opponentId: ctx.fixture.awayTeamId,
    competitions,
    venue,
    meetings: list.length,
    wins,
    draws: count('D'),
    losses,
    goalsFor: list.reduce((sum, tm) => sum + tm.goalsFor, 0),
    goalsAgainst: list.reduce((sum, tm) => sum + tm.goalsAgainst, 0),
    scope: ctx.scopes.of(
      [ctx.fixture.homeTeamId, ctx.fixture.awayTeamId],
      list.map((tm) => tm.match),
    ),
    matchIds: receipts(
      ctx.history,
      list.map((tm) => tm.match.id),
    ),
    notability: checkedNotability(CONTEXT_BASE + 0.5 * dominance, 'head-to-head record'),
  };
}

/** Only when both teams have history: otherwise "never met" would just mean "no data". */
function neverMetFact(ctx: InsightContext): NeverMetFact | null {
  const home = ctx.history.of(ctx.fixture.homeTeamId);
  const away = ctx.history.of(ctx.fixture.awayTeamId);
  if (home.length === 0 || away.length === 0) return null;
  const from = home[0].match.date < away[0].match.date ? home[0].match.date : away[0].match.date;
  return {
    family: 'head-to-head',
    kind: 'h2h-never-met',
    teamId: ctx.fixture.homeTeamId,
    opponentId: ctx.fixture.awayTeamId,
    historyFrom: from,
    scope: ctx.scopes.of(
      [ctx.fixture.homeTeamId, ctx.fixture.awayTeamId],
      [...home, ...away].map((tm) => tm.match),
    ),
    matchIds: [],
    notability: NEVER_MET_NOTABILITY,
  };
}

/**
 * Did `visitor` win each of its first visits to `host` (at least two), and how many other visitors did that?
 * The others are every team that visited `host` at least as often in the scope.
 */
function awayStartFact(
  ctx: InsightContext,
  visitor: number,
  host: number,
  competitions: CompetitionScope,
): AwayStartFact | null {
  const visitsByTeam = new Map<number, TeamMatch[]>();
  for (const tm of ctx.history.of(host)) {
    if (!inScope(tm, competitions, 'home')) continue;
    const list = visitsByTeam.get(tm.opponentId) ?? [];
    list.push(tm);
    visitsByTeam.set(tm.opponentId, list);
  }
  const visits = visitsByTeam.get(visitor) ?? [];
  const wins = winningStart(visits);
  if (wins < AWAY_START_MINIMUM) return null;
  const others = [...visitsByTeam].filter(([team, list]) => team !== visitor && list.length >= wins);
  const same = others.filter(([, list]) => winningStart(list) >= wins);
  const breakers = others
    .filter(([, list]) => winningStart(list) < wins)
    .map(([, list]) => list[winningStart(list)].match.id);
  return {
    family: 'head-to-head',
    kind: 'h2h-away-start',
    teamId: visitor,
    opponentId: host,
    competitions,
    wins,
    visits: visits.length,
    eligibleOthers: others.length,
    othersWithSameStart: same.length,
    otherTeamIds: same.map(([team]) => team).sort((a, b) => a - b),
    scope: ctx.scopes.of(
      [host],
      [...visitsByTeam.values()].flat().map((tm) => tm.match),
    ),
    matchIds: receipts(
      ctx.history,
      visits.slice(0, wins).map((tm) => tm.match.id),
      same.flatMap(([, list]) => list.slice(0, wins).map((tm) => tm.match.id)),
      breakers,
    ),
    notability: checkedNotability(rarity(same.length + 1, others.length + 1), 'away start'),
  };
}

/** How many of the visitor's first visits in a row it won; `visits` are the host's home matches, so a host loss. */
function winningStart(visits: readonly TeamMatch[]): number {
  const firstNonWin = visits.findIndex((tm) => tm.outcome !== 'L');
  return firstNonWin < 0 ? visits.length : firstNonWin;
}
