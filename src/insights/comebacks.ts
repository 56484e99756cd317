import type { GoalView } from '../store/match-queries.js';
import type { Comeback, ComebackRecordFact } from './facts.js';
import type { InsightContext } from './insight-context.js';
import { fromSide, receipts, summarize, type TeamMatch } from './match-history.js';
import { checkedNotability, rarity } from './notability.js';
import { firstLegMargin, tieOutcome } from './two-legged-ties.js';

/** Winning from one goal down is routine; a record of comebacks starts at two (or at the current deficit). */
const MIN_DEFICIT = 2;
/** A team that needs a comeback now makes its past comebacks part of the story. */
const TRAILING_NOW_BONUS = 1;

/** Per team: matches won after trailing, and two-legged ties won after losing the first leg. */
export function comebackFacts(ctx: InsightContext): ComebackRecordFact[] {
  const facts: ComebackRecordFact[] = [];
  for (const teamId of [ctx.fixture.homeTeamId, ctx.fixture.awayTeamId]) {
    const matchFact = matchComebacks(ctx, teamId);
    if (matchFact) facts.push(matchFact);
    const tieFact = tieComebacks(ctx, teamId);
    if (tieFact) facts.push(tieFact);
  }
  return facts;
}

function matchComebacks(ctx: InsightContext, teamId: number): ComebackRecordFact | null {
  const comebacks: Comeback[] = [];
  let measurable = 0;
  for (const tm of ctx.history.of(teamId)) {
    const deficit = largestDeficit(tm, ctx.goals.get(tm.match.id));
    if (!deficit) continue;
    measurable++;
    const won = tm.outcome === 'W' || tm.shootout === 'won';
    if (!won || deficit.goals < MIN_DEFICIT) continue;
    comebacks.push({
      stage: 'match',
      deficit: deficit.goals,
      measuredAt: deficit.measuredAt,
      opponentId: tm.opponentId,
      date: tm.match.date,
      matches: [summarize(tm.match)],
      onPenalties: tm.outcome !== 'W',
    });
  }
  return comebackRecord(ctx, teamId, 'match', comebacks, measurable, null);
}

function tieComebacks(ctx: InsightContext, teamId: number): ComebackRecordFact | null {
  const own = ctx.ties.filter((t) => t.first.home.id === teamId || t.first.away.id === teamId);
  const trailingBy = currentDeficit(ctx, teamId);
  const threshold = Math.min(MIN_DEFICIT, trailingBy ?? MIN_DEFICIT);
  const comebacks: Comeback[] = [];
  for (const tie of own) {
    const deficit = -firstLegMargin(tie, teamId);
    const outcome = tieOutcome(tie, ctx.tieRules(tie.first.competition.code, tie.first.season));
    if (deficit < threshold || outcome?.winnerId !== teamId) continue;
    comebacks.push({
      stage: 'tie',
      deficit,
      measuredAt: 'first-leg',
      opponentId: tie.first.home.id === teamId ? tie.first.away.id : tie.first.home.id,
      date: tie.second.date,
      matches: [summarize(tie.first), summarize(tie.second)],
      onPenalties: outcome.decidedBy === 'penalties',
    });
  }
  return comebackRecord(ctx, teamId, 'tie', comebacks, own.length, trailingBy);
}

function comebackRecord(
  ctx: InsightContext,
  teamId: number,
  stage: 'match' | 'tie',
  comebacks: Comeback[],
  measurable: number,
  trailingBy: number | null,
): ComebackRecordFact | null {
  if (comebacks.length === 0) return null;
  comebacks.sort((a, b) => b.deficit - a.deficit || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const biggest = comebacks[0].deficit;
  const fromBiggest = comebacks.filter((c) => c.deficit >= biggest).length;
  const bonus = trailingBy === null ? 0 : TRAILING_NOW_BONUS;
  return {
    family: 'records',
    kind: 'comeback-record',
    teamId,
    stage,
    biggestDeficit: biggest,
    comebacks,
    measurable,
    trailingBy,
    fromAtLeastTrailing: trailingBy === null ? null : comebacks.filter((c) => c.deficit >= trailingBy).length,
    scope: ctx.scopes.of(
      [teamId],
      ctx.history.of(teamId).map((tm) => tm.match),
    ),
    matchIds: receipts(
      ctx.history,
      comebacks.flatMap((c) => c.matches.map((m) => m.matchId)),
    ),
    notability: checkedNotability(rarity(fromBiggest, measurable) + bonus, `${stage} comebacks`),
  };
}

/** How far behind the team is in the fixture's tie after the first leg; null when it is not behind. */
function currentDeficit(ctx: InsightContext, teamId: number): number | null {
  const leg = ctx.firstLeg;
  if (!leg) return null;
  const tm = fromSide(leg, teamId);
  return tm.goalsAgainst > tm.goalsFor ? tm.goalsAgainst - tm.goalsFor : null;
}

/**
 * The most the team was behind during the match: from the goal sequence when the data has every goal, else from
 * the half-time score. Null when neither is known.
 */
function largestDeficit(
  tm: TeamMatch,
  goals: readonly GoalView[] | undefined,
): { goals: number; measuredAt: 'goal-times' | 'half-time' } | null {
  const side = tm.match.home.id === tm.teamId ? 'home' : 'away';
  if (goals && goals.length === tm.goalsFor + tm.goalsAgainst) {
    let worst = 0;
    let diff = 0;
    for (const g of goals) {
      diff += g.side === side ? 1 : -1;
      worst = Math.max(worst, -diff);
    }
    return { goals: worst, measuredAt: 'goal-times' };
  }
  const ht = tm.match.score.ht;
  if (!ht) return null;
  const [forHt, againstHt] = side === 'home' ? ht : [ht[1], ht[0]];
  return { goals: Math.max(0, againstHt - forHt), measuredAt: 'half-time' };
}
