import type { GoalView } from '../store/match-queries.js';
import type { ScorerAgainstOpponentFact, ScorerLine, TopScorersFact } from './facts.js';
import type { InsightContext } from './insight-context.js';
import { receipts, type TeamMatch } from './match-history.js';
import { checkedNotability, CONTEXT_BASE } from './notability.js';

/** Scorers listed in a top-scorers fact (more when level with the last place). */
const TOP_SCORERS = 3;
/** Each goal against this opponent adds this much, up to the cap: a hat-trick matters, one goal a little. */
const GOAL_AGAINST_OPPONENT_WEIGHT = 0.3;
const GOAL_AGAINST_OPPONENT_CAP = 1.5;

/** Only where the data has goals: a team's leading scorers this season, and who has scored against this opponent. */
export function scorerFacts(ctx: InsightContext): (TopScorersFact | ScorerAgainstOpponentFact)[] {
  const facts: (TopScorersFact | ScorerAgainstOpponentFact)[] = [];
  const { homeTeamId, awayTeamId } = ctx.fixture;
  for (const [teamId, opponentId] of [
    [homeTeamId, awayTeamId],
    [awayTeamId, homeTeamId],
  ]) {
    const top = topScorers(ctx, teamId);
    if (top) facts.push(top);
    facts.push(...scorersAgainst(ctx, teamId, opponentId));
  }
  return facts;
}

function topScorers(ctx: InsightContext, teamId: number): TopScorersFact | null {
  const season = ctx.history.of(teamId).filter((tm) => tm.match.season === ctx.fixture.season);
  const withGoals = season.filter((tm) => ctx.goals.has(tm.match.id));
  const lines = scorerLines(ctx, withGoals);
  if (lines.length === 0) return null;
  const cut = lines[Math.min(TOP_SCORERS, lines.length) - 1].goals;
  const scorers = lines.filter((l) => l.goals >= cut);
  return {
    family: 'scorers',
    kind: 'top-scorers',
    teamId,
    season: ctx.fixture.season,
    scorers,
    matchesWithGoalData: withGoals.length,
    seasonMatches: season.length,
    scope: ctx.scopes.of(
      [teamId],
      season.map((tm) => tm.match),
    ),
    matchIds: receipts(ctx.history, ...scorers.map((s) => s.matchIds)),
    // Worth as much as it covers: leading scorers from a third of the season's matches are a partial picture.
    notability: checkedNotability((CONTEXT_BASE * withGoals.length) / season.length, 'top scorers'),
  };
}

function scorersAgainst(ctx: InsightContext, teamId: number, opponentId: number): ScorerAgainstOpponentFact[] {
  const meetings = ctx.history.of(teamId).filter((tm) => tm.opponentId === opponentId && ctx.goals.has(tm.match.id));
  return scorerLines(ctx, meetings).map((scorer) => ({
    family: 'scorers',
    kind: 'scorer-vs-opponent',
    teamId,
    opponentId,
    scorer,
    meetingsWithGoalData: meetings.length,
    scope: ctx.scopes.of(
      [teamId, opponentId],
      meetings.map((tm) => tm.match),
    ),
    matchIds: receipts(ctx.history, scorer.matchIds),
    notability: checkedNotability(
      Math.min(GOAL_AGAINST_OPPONENT_CAP, GOAL_AGAINST_OPPONENT_WEIGHT * scorer.goals),
      'scorer against opponent',
    ),
  }));
}

/** Goals by the team's own players (own goals by opponents excluded), most first, open play before penalties. */
function scorerLines(ctx: InsightContext, matches: readonly TeamMatch[]): ScorerLine[] {
  const byPlayer = new Map<string, ScorerLine>();
  for (const tm of matches) {
    const side = tm.match.home.id === tm.teamId ? 'home' : 'away';
    const goals: readonly GoalView[] = ctx.goals.get(tm.match.id) ?? [];
    for (const g of goals) {
      if (g.side !== side || g.ownGoal) continue;
      const line = byPlayer.get(g.scorer) ?? { player: g.scorer, goals: 0, penalties: 0, matchIds: [] };
      line.goals++;
      if (g.penalty) line.penalties++;
      if (!line.matchIds.includes(tm.match.id)) line.matchIds.push(tm.match.id);
      byPlayer.set(g.scorer, line);
    }
  }
  return [...byPlayer.values()].sort(
    (a, b) => b.goals - a.goals || a.penalties - b.penalties || a.player.localeCompare(b.player),
  );
}
