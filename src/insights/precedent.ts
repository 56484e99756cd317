import { roundType } from '../knockout/tie-reconstruction.js';
import type { StoredMatchView } from '../store/match-queries.js';
import type { CompetitionScope, TiePrecedentFact } from './facts.js';
import type { InsightContext } from './insight-context.js';
import { finalScore, receipts, summarize } from './match-history.js';
import { checkedNotability } from './notability.js';
import { tieOutcome, type CompletedTie } from './two-legged-ties.js';

/** A precedent is a context fact; how one-sided and how well attested it is decides how much it says. */
const PRECEDENT_BASE = 0.5;

type PrecedentScope = CompetitionScope | 'competition';

/**
 * For a second leg: every earlier completed tie (in the same competition, and in the same kind of competition)
 * whose first leg stood the same way — won by at least the same margin by the side in the same position, and with
 * exactly the same score — and how often that side went through.
 */
export function precedentFacts(ctx: InsightContext): TiePrecedentFact[] {
  const firstLeg = ctx.firstLeg;
  if (!firstLeg) return [];
  const scopes: PrecedentScope[] = ctx.fixtureKind ? ['competition', ctx.fixtureKind] : ['competition'];
  const facts: TiePrecedentFact[] = [];
  for (const match of ['at-least', 'exact-score'] as const) {
    let previousCount = -1;
    for (const scope of scopes) {
      const fact = precedent(ctx, firstLeg, scope, match);
      // A wider scope with the same ties repeats the narrower fact.
      if (!fact || fact.ties + fact.undetermined === previousCount) continue;
      previousCount = fact.ties + fact.undetermined;
      facts.push(fact);
    }
  }
  return facts;
}

function precedent(
  ctx: InsightContext,
  firstLeg: StoredMatchView,
  scope: PrecedentScope,
  match: 'at-least' | 'exact-score',
): TiePrecedentFact | null {
  const [home, away] = finalScore(firstLeg);
  const awayMargin = away - home;
  // The subject is the side that leads, or after a draw the first leg's hosts; "same way" means the same position.
  const subjectWasAway = awayMargin > 0;
  const subjectMargin = subjectWasAway ? awayMargin : -awayMargin;
  const stoodTheSameWay = (t: CompletedTie): boolean => {
    // Home and away mean nothing at a neutral ground: a first leg there stood the same way only as another one there.
    if (t.first.neutral !== firstLeg.neutral) return false;
    const [h, a] = finalScore(t.first);
    if (match === 'exact-score') return h === home && a === away;
    const margin = subjectWasAway ? a - h : h - a;
    return subjectMargin === 0 ? margin === 0 : margin >= subjectMargin;
  };
  // A quarter-final is compared with knockout ties, a qualifier with qualifiers: a 3-0 in July is another matter.
  const rounds = roundType(firstLeg.round);
  const inScope = (t: CompletedTie): boolean =>
    roundType(t.first.round) === rounds &&
    (scope === 'competition'
      ? t.first.competition.code === ctx.fixture.competitionCode
      : scope === 'all' || t.first.competition.kind === scope);
  const precedents = ctx.ties.filter((t) => inScope(t) && stoodTheSameWay(t));
  let advanced = 0;
  let eliminated = 0;
  let undetermined = 0;
  for (const t of precedents) {
    const outcome = tieOutcome(t, ctx.tieRules(t.first.competition.code, t.first.season));
    const subject = subjectWasAway ? t.first.away.id : t.first.home.id;
    if (!outcome) undetermined++;
    else if (outcome.winnerId === subject) advanced++;
    else eliminated++;
  }
  const decided = advanced + eliminated;
  if (decided === 0) return null;
  const oneSidedness = Math.abs((2 * advanced) / decided - 1);
  return {
    family: 'precedent',
    kind: 'tie-precedent',
    competitions: scope,
    competitionCode: ctx.fixture.competitionCode,
    firstLeg: summarize(firstLeg),
    subjectId: subjectWasAway ? firstLeg.away.id : firstLeg.home.id,
    leaderId: awayMargin === 0 ? null : subjectWasAway ? firstLeg.away.id : firstLeg.home.id,
    margin: subjectMargin,
    subjectWasAway,
    rounds,
    match,
    ties: decided,
    subjectAdvanced: advanced,
    subjectEliminated: eliminated,
    undetermined,
    scope: ctx.scopes.of(
      [],
      precedents.flatMap((t) => [t.first, t.second]),
    ),
    matchIds: receipts(
      ctx.history,
      [firstLeg.id],
      precedents.flatMap((t) => [t.first.id, t.second.id]),
    ),
    notability: checkedNotability(PRECEDENT_BASE + oneSidedness * Math.log10(decided + 1), 'tie precedent'),
  };
}
