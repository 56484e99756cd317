import type { CompetitionScope, MarginRecordFact, VenueScope } from './facts.js';
import type { InsightContext } from './insight-context.js';
import { inScope, receipts, summarize, type TeamMatch } from './match-history.js';
import { checkedNotability, rarity } from './notability.js';

/** A one-goal result is never "the heaviest" anything worth saying. */
const MIN_MARGIN = 2;
/** Each step back from the latest match makes a record less newsworthy. */
const RECENCY_DECAY = 0.85;

const COMPETITION_KINDS: readonly string[] = ['league', 'cup', 'continental'];

/**
 * For each of a team's latest matches that it won or lost by two or more, how that margin ranks among all its
 * results of the same direction in the same context: the kind of competition at the same venue ("European home
 * defeats"), and all competitions at the same venue. Keeps the context where the result is rarest.
 */
export function recordFacts(ctx: InsightContext): MarginRecordFact[] {
  const facts: MarginRecordFact[] = [];
  for (const teamId of [ctx.fixture.homeTeamId, ctx.fixture.awayTeamId]) {
    const all = ctx.history.of(teamId);
    const latest = all.slice(-ctx.options.recordLookback).reverse();
    latest.forEach((tm, stepsBack) => {
      if (tm.outcome === 'D' || Math.abs(tm.goalsFor - tm.goalsAgainst) < MIN_MARGIN) return;
      const venue: VenueScope = tm.venue === 'neutral' ? 'any' : tm.venue;
      const kind = tm.match.competition.kind;
      const contexts: CompetitionScope[] = COMPETITION_KINDS.includes(kind)
        ? [kind as CompetitionScope, 'all']
        : ['all'];
      const candidates = contexts
        .map((competitions) => marginRecord(ctx, teamId, all, tm, competitions, venue, RECENCY_DECAY ** stepsBack))
        .filter((f): f is MarginRecordFact => f !== null);
      // "Joint-heaviest European home defeat" beats "second-heaviest home defeat": the better rank, then the rarer.
      const best = candidates.sort((x, y) => x.rank - y.rank || y.notability - x.notability)[0];
      if (best) facts.push(best);
    });
  }
  return facts;
}

function marginRecord(
  ctx: InsightContext,
  teamId: number,
  all: readonly TeamMatch[],
  tm: TeamMatch,
  competitions: CompetitionScope,
  venue: VenueScope,
  weight: number,
): MarginRecordFact | null {
  // Compared only with the seasons of which the data holds every match of the team (FactScopes.completeFrom).
  const completeFrom = ctx.scopes.completeFrom(teamId, competitions);
  const inData = all.filter((x) => inScope(x, competitions, venue));
  if (completeFrom === null || inData.length === 0) return null;
  const context = inData.filter((x) => x.match.date >= completeFrom);
  if (context.length === 0) return null;
  const sameDirection = context.filter((x) => x.outcome === tm.outcome);
  const margin = Math.abs(tm.goalsFor - tm.goalsAgainst);
  const marginOf = (x: TeamMatch) => Math.abs(x.goalsFor - x.goalsAgainst);
  const atLeast = sameDirection.filter((x) => marginOf(x) >= margin);
  const rank = 1 + sameDirection.filter((x) => marginOf(x) > margin).length;
  if (rank > ctx.options.recordMaxRank) return null;
  return {
    family: 'records',
    kind: 'margin-record',
    teamId,
    direction: tm.outcome === 'W' ? 'win' : 'defeat',
    competitions,
    venue,
    match: summarize(tm.match),
    margin,
    rank,
    jointWith: sameDirection.filter((x) => marginOf(x) === margin).length - 1,
    contextResults: sameDirection.length,
    contextMatches: context.length,
    historyFrom: context[0].match.date,
    dataFrom: inData[0].match.date,
    scope: ctx.scopes.of(
      [teamId],
      context.map((x) => x.match),
    ),
    matchIds: receipts(
      ctx.history,
      atLeast.map((x) => x.match.id),
    ),
    notability: checkedNotability(rarity(atLeast.length, context.length) * weight, 'margin record'),
  };
}
