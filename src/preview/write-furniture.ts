import type { Fact, FormFact, HeadToHeadRecordFact } from '../insights/facts.js';
import type { FormGuide, HeadToHeadBox, PreviewFurniture, TieBox } from './preview-document.js';
import type { WriteContext } from './write-context.js';
import { counted, numberWord } from './write-english.js';
import type { FirstLegScore, TieNumbers } from './write-forecast-input.js';

/**
 * The boxes beside the story, from the same facts the prose cites: the tie (first leg, aggregate, what each side
 * needs), each side's form guide in its league and across the competitions covered, and the head-to-head record.
 */
export function writeFurniture(
  ctx: WriteContext,
  facts: readonly Fact[],
  firstLeg: FirstLegScore | null,
  tie: TieNumbers | null,
): PreviewFurniture {
  return {
    tie: firstLeg ? tieBox(ctx, firstLeg, tie) : null,
    form: formGuides(ctx, facts),
    headToHead: headToHeadBox(ctx, facts),
  };
}

function tieBox(ctx: WriteContext, firstLeg: FirstLegScore, tie: TieNumbers | null): TieBox {
  const home = ctx.home.name;
  const away = ctx.away.name;
  // The first leg was played at this fixture's away side.
  const { home: homeGoals, away: awayGoals } = firstLeg.goals;
  const needs: TieBox['needs'] = [];
  const margin = homeGoals - awayGoals;
  const leader = margin > 0 ? home : margin < 0 ? away : null;
  const lead = Math.abs(margin);
  // Without away goals a lead of n survives any defeat by fewer than n; with them, what is enough depends on the
  // score, so only the trailing side's needs (from the tie rules) are given.
  if (tie && !tie.awayGoalsRule) {
    if (leader === null) {
      needs.push({ team: `${home} and ${away}`, text: 'A win on the night goes through; a draw means extra time.' });
    } else {
      const through =
        lead === 1
          ? `${leader} go through with a draw or a win; a one-goal defeat means extra time.`
          : `${leader} go through unless they lose by ${counted(lead, 'goal')} or more; a ${numberWord(lead)}-goal defeat means extra time.`;
      needs.push({ team: leader, text: through });
    }
  }
  if (tie?.needs) needs.push({ team: leader === home ? away : home, text: tie.needs });
  needs.sort((a, b) => Number(b.team === home) - Number(a.team === home));
  return {
    firstLeg: `${away} ${awayGoals}-${homeGoals} ${home}`,
    aggregate: { home: homeGoals, away: awayGoals },
    needs,
    factIds: tie ? [firstLeg.factId, tie.factId] : [firstLeg.factId],
  };
}

function formGuides(ctx: WriteContext, facts: readonly Fact[]): FormGuide[] {
  const guides: FormGuide[] = [];
  for (const side of [ctx.home, ctx.away]) {
    if (side.teamId === null) continue;
    const form = facts.filter((f): f is FormFact => f.kind === 'form' && f.teamId === side.teamId);
    for (const competitions of ['league', 'all'] as const) {
      const f = form.find((x) => x.competitions === competitions);
      if (!f) continue;
      const scope =
        competitions === 'league'
          ? ctx.match(f.matchIds[f.matchIds.length - 1]).competition.name
          : f.scope.complete
            ? 'all competitions'
            : f.scope.covers;
      guides.push({ team: side.name, scope, results: [...f.results], factIds: [ctx.cite(f)] });
    }
  }
  return guides;
}

function headToHeadBox(ctx: WriteContext, facts: readonly Fact[]): HeadToHeadBox | null {
  const record = facts.find(
    (f): f is HeadToHeadRecordFact =>
      f.kind === 'h2h-record' && f.venue === 'any' && f.competitions === 'all' && f.meetings > 0,
  );
  if (!record) return null;
  const fromHome = record.teamId === ctx.home.teamId;
  const last = ctx.match(record.matchIds[record.matchIds.length - 1]);
  return {
    meetings: record.meetings,
    homeWins: fromHome ? record.wins : record.losses,
    draws: record.draws,
    awayWins: fromHome ? record.losses : record.wins,
    homeGoals: fromHome ? record.goalsFor : record.goalsAgainst,
    awayGoals: fromHome ? record.goalsAgainst : record.goalsFor,
    lastMeeting: ctx.receipt(last.id).label,
    factIds: [ctx.cite(record)],
  };
}
