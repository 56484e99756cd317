import type { CompetitionScope, FormFact, WinsInLastFact } from './facts.js';
import type { InsightContext } from './insight-context.js';
import { inScope, receipts, type TeamMatch } from './match-history.js';
import { binomialSurprise, checkedNotability, CONTEXT_BASE, smoothedRate } from './notability.js';

/** Matches before a window that set the team's normal win rate. */
const BASELINE_MATCHES = 60;
/** Fewer baseline matches than this and a team's "normal" is a guess: no wins-in-last fact. */
const MIN_BASELINE = 10;

/** Form lines across all competitions and in the league, and the most telling "wins in the last N", per team. */
export function formFacts(ctx: InsightContext): (FormFact | WinsInLastFact)[] {
  const facts: (FormFact | WinsInLastFact)[] = [];
  for (const teamId of [ctx.fixture.homeTeamId, ctx.fixture.awayTeamId]) {
    for (const competitions of ['all', 'league'] as const) {
      const matches = ctx.history.of(teamId).filter((tm) => inScope(tm, competitions, 'any'));
      const form = formLine(ctx, teamId, competitions, matches);
      if (form) facts.push(form);
      if (competitions === 'all') {
        const wins = winsInLast(ctx, teamId, competitions, matches);
        if (wins) facts.push(wins);
      }
    }
  }
  return facts;
}

function formLine(
  ctx: InsightContext,
  teamId: number,
  competitions: CompetitionScope,
  matches: readonly TeamMatch[],
): FormFact | null {
  const window = matches.slice(-ctx.options.formLength);
  if (window.length === 0) return null;
  const count = (o: string) => window.filter((tm) => tm.outcome === o).length;
  const wins = count('W');
  const before = matches.slice(0, matches.length - window.length).slice(-BASELINE_MATCHES);
  // How unusual the line is for this team adds to the base that any form line has.
  const surprise =
    before.length >= MIN_BASELINE
      ? binomialSurprise(window.length, wins, smoothedRate(winsOf(before), before.length))
      : 0;
  return {
    family: 'form',
    kind: 'form',
    teamId,
    competitions,
    results: window.map((tm) => tm.outcome),
    wins,
    draws: count('D'),
    losses: count('L'),
    goalsFor: window.reduce((sum, tm) => sum + tm.goalsFor, 0),
    goalsAgainst: window.reduce((sum, tm) => sum + tm.goalsAgainst, 0),
    scope: ctx.scopes.of(
      [teamId],
      window.map((tm) => tm.match),
    ),
    matchIds: receipts(
      ctx.history,
      window.map((tm) => tm.match.id),
    ),
    notability: checkedNotability(CONTEXT_BASE + 0.5 * surprise, 'form'),
  };
}

/**
 * Tries every window in the configured range and keeps the one whose win count is least likely at the team's
 * normal rate (the rate over the matches just before that window); on equal surprise the longer window wins.
 */
function winsInLast(
  ctx: InsightContext,
  teamId: number,
  competitions: CompetitionScope,
  matches: readonly TeamMatch[],
): WinsInLastFact | null {
  const [shortest, longest] = ctx.options.winsWindow;
  let best: { window: TeamMatch[]; wins: number; rate: number; surprise: number } | null = null;
  for (let n = shortest; n <= longest && n <= matches.length; n++) {
    const window = matches.slice(-n);
    const before = matches.slice(0, matches.length - n).slice(-BASELINE_MATCHES);
    if (before.length < MIN_BASELINE) break;
    const wins = winsOf(window);
    const rate = smoothedRate(winsOf(before), before.length);
    const surprise = binomialSurprise(n, wins, rate);
    if (!best || surprise >= best.surprise) best = { window, wins, rate, surprise };
  }
  if (!best) return null;
  const n = best.window.length;
  return {
    family: 'form',
    kind: 'wins-in-last',
    teamId,
    competitions,
    window: n,
    wins: best.wins,
    baselineWinRate: best.rate,
    expectedWins: best.rate * n,
    direction: best.wins < best.rate * n ? 'few' : 'many',
    winMatchIds: best.window.filter((tm) => tm.outcome === 'W').map((tm) => tm.match.id),
    scope: ctx.scopes.of(
      [teamId],
      best.window.map((tm) => tm.match),
    ),
    matchIds: receipts(
      ctx.history,
      best.window.map((tm) => tm.match.id),
    ),
    notability: checkedNotability(best.surprise, 'wins-in-last'),
  };
}

function winsOf(matches: readonly TeamMatch[]): number {
  return matches.filter((tm) => tm.outcome === 'W').length;
}
