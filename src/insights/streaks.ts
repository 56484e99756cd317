import type { CompetitionScope, EarlierRun, EveryGameThisSeasonFact, RunFact, RunKind, VenueScope } from './facts.js';
import type { InsightContext } from './insight-context.js';
import { inScope, receipts, summarize, type TeamMatch } from './match-history.js';
import { checkedNotability, rarity } from './notability.js';
import {
  latestRun,
  maximalRuns,
  positionsInRunsAtLeast,
  previousRunAtLeast,
  spanLength,
  type RunSpan,
} from './runs.js';

const HOLDS: Record<RunKind, (tm: TeamMatch) => boolean> = {
  wins: (tm) => tm.outcome === 'W',
  defeats: (tm) => tm.outcome === 'L',
  unbeaten: (tm) => tm.outcome !== 'L',
  winless: (tm) => tm.outcome !== 'W',
  conceding: (tm) => tm.goalsAgainst > 0,
  'clean-sheets': (tm) => tm.goalsAgainst === 0,
  scoring: (tm) => tm.goalsFor > 0,
  goalless: (tm) => tm.goalsFor === 0,
};

interface RunSpec {
  run: RunKind;
  competitions: CompetitionScope;
  venue: VenueScope;
  /** Shortest run worth a fact: shorter runs are everyday. */
  minimum: number;
}

/** The runs a preview talks about. The league/home unbeaten run, when it ends, is "first home league defeat in N
 * months"; the away scoring run says when the team was last shut out on the road. */
const RUN_SPECS: readonly RunSpec[] = [
  { run: 'wins', competitions: 'all', venue: 'any', minimum: 3 },
  { run: 'defeats', competitions: 'all', venue: 'any', minimum: 2 },
  { run: 'unbeaten', competitions: 'all', venue: 'any', minimum: 5 },
  { run: 'winless', competitions: 'all', venue: 'any', minimum: 4 },
  { run: 'conceding', competitions: 'all', venue: 'any', minimum: 4 },
  { run: 'clean-sheets', competitions: 'all', venue: 'any', minimum: 3 },
  { run: 'scoring', competitions: 'all', venue: 'any', minimum: 8 },
  { run: 'goalless', competitions: 'all', venue: 'any', minimum: 2 },
  { run: 'scoring', competitions: 'all', venue: 'away', minimum: 4 },
  { run: 'wins', competitions: 'all', venue: 'home', minimum: 4 },
  { run: 'unbeaten', competitions: 'all', venue: 'away', minimum: 5 },
  { run: 'unbeaten', competitions: 'league', venue: 'home', minimum: 5 },
];

/** A run that just ended is yesterday's news next to one still going. */
const ENDED_RUN_WEIGHT = 0.8;

interface SeasonSpec {
  condition: RunKind;
  venue: VenueScope;
}

/** "Scored in every away game this season" and its siblings; needs at least this many games to be a claim. */
const SEASON_SPECS: readonly SeasonSpec[] = [
  { condition: 'scoring', venue: 'away' },
  { condition: 'scoring', venue: 'home' },
  { condition: 'unbeaten', venue: 'home' },
  { condition: 'unbeaten', venue: 'away' },
];
const SEASON_MINIMUM_GAMES = 3;

export function streakFacts(ctx: InsightContext): (RunFact | EveryGameThisSeasonFact)[] {
  const facts: (RunFact | EveryGameThisSeasonFact)[] = [];
  for (const teamId of [ctx.fixture.homeTeamId, ctx.fixture.awayTeamId]) {
    for (const spec of RUN_SPECS) {
      const fact = runFact(ctx, teamId, spec);
      if (fact) facts.push(fact);
    }
    for (const spec of SEASON_SPECS) {
      const fact = everyGameThisSeason(ctx, teamId, spec);
      if (fact) facts.push(fact);
    }
  }
  return facts;
}

function runFact(ctx: InsightContext, teamId: number, spec: RunSpec): RunFact | null {
  const matches = ctx.history.of(teamId).filter((tm) => inScope(tm, spec.competitions, spec.venue));
  const holds = HOLDS[spec.run];
  const spans = maximalRuns(matches, holds);
  const latest = latestRun(spans, matches.length);
  if (!latest || spanLength(latest.span) < spec.minimum) return null;
  const { span, ongoing } = latest;
  const length = spanLength(span);
  const runMatches = matches.slice(span.start, span.end + 1);
  const endedBy = ongoing ? null : matches[span.end + 1];
  const precededBy = span.start > 0 ? matches[span.start - 1] : null;
  // Earlier runs count only from where the data holds every match of the team: a gap is no fact about the world.
  const comparedFrom = ctx.scopes.completeFrom(teamId, spec.competitions);
  const covered = spans.filter((s) => comparedFrom !== null && matches[s.start].match.date >= comparedFrom);
  const previousSpan = previousRunAtLeast(covered, span, length);
  const previous = previousSpan ? earlierRun(matches, previousSpan) : null;
  const score = rarity(positionsInRunsAtLeast(spans, length), matches.length) * (ongoing ? 1 : ENDED_RUN_WEIGHT);
  return {
    family: 'streaks',
    kind: 'run',
    teamId,
    run: spec.run,
    competitions: spec.competitions,
    venue: spec.venue,
    length,
    startDate: runMatches[0].match.date,
    endDate: runMatches[length - 1].match.date,
    ongoing,
    endedBy: endedBy ? summarize(endedBy.match) : null,
    precededBy: precededBy ? summarize(precededBy.match) : null,
    daysSincePrecededBy: precededBy
      ? daysBetween(precededBy.match.date, endedBy?.match.date ?? ctx.fixture.date)
      : null,
    previous,
    historyFrom: matches[0].match.date,
    comparedFrom,
    scope: ctx.scopes.of(
      [teamId],
      [...runMatches, ...(endedBy ? [endedBy] : []), ...(precededBy ? [precededBy] : [])].map((tm) => tm.match),
    ),
    matchIds: receipts(
      ctx.history,
      runMatches.map((tm) => tm.match.id),
      endedBy ? [endedBy.match.id] : [],
      precededBy ? [precededBy.match.id] : [],
      previous?.matchIds ?? [],
    ),
    notability: checkedNotability(score, `${spec.run} run`),
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function earlierRun(matches: readonly TeamMatch[], span: RunSpan): EarlierRun {
  const run = matches.slice(span.start, span.end + 1);
  return {
    length: run.length,
    startDate: run[0].match.date,
    endDate: run[run.length - 1].match.date,
    matchIds: run.map((tm) => tm.match.id),
  };
}

/**
 * Every match of the team's current season in the scope satisfies the condition. Rarity: among the team's seasons
 * with at least as many such matches, how many began the same way.
 */
function everyGameThisSeason(ctx: InsightContext, teamId: number, spec: SeasonSpec): EveryGameThisSeasonFact | null {
  const bySeason = new Map<string, TeamMatch[]>();
  for (const tm of ctx.history.of(teamId)) {
    if (!inScope(tm, 'all', spec.venue)) continue;
    const list = bySeason.get(tm.match.season) ?? [];
    list.push(tm);
    bySeason.set(tm.match.season, list);
  }
  const current = bySeason.get(ctx.fixture.season) ?? [];
  const holds = HOLDS[spec.condition];
  if (current.length < SEASON_MINIMUM_GAMES || !current.every(holds)) return null;
  const games = current.length;
  const comparable = [...bySeason.values()].filter((s) => s.length >= games);
  const sameStart = comparable.filter((s) => s.slice(0, games).every(holds)).length;
  return {
    family: 'streaks',
    kind: 'every-game-this-season',
    teamId,
    season: ctx.fixture.season,
    condition: spec.condition,
    competitions: 'all',
    venue: spec.venue,
    games,
    scope: ctx.scopes.of(
      [teamId],
      current.map((tm) => tm.match),
    ),
    matchIds: receipts(
      ctx.history,
      current.map((tm) => tm.match.id),
    ),
    notability: checkedNotability(rarity(sameStart, comparable.length), `every game this season (${spec.condition})`),
  };
}
