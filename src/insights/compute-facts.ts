import { MatchdayError } from '../errors.js';
import { CompetitionRegistry } from '../competitions/registry.js';
import { tieRulesOf } from '../knockout/tie-outcome.js';
import type { StoredMatchView } from '../store/match-queries.js';
import { comebackFacts } from './comebacks.js';
import type { Fact } from './facts.js';
import { formFacts } from './form.js';
import { headToHeadFacts } from './head-to-head.js';
import {
  DEFAULT_OPTIONS,
  type Fixture,
  type InsightContext,
  type InsightsInput,
  type InsightsOptions,
} from './insight-context.js';
import { FactScopes } from './fact-scope.js';
import { MatchHistory } from './match-history.js';
import { precedentFacts } from './precedent.js';
import { recordFacts } from './records.js';
import { scorerFacts } from './scorers.js';
import { streakFacts } from './streaks.js';
import { completedTies } from './two-legged-ties.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every fact the history supports for the fixture, most notable first (facts of equal notability keep the order
 * form, streaks, head-to-head, records, scorers, precedent). Only matches played strictly before the cut-off count.
 * A team with no history gets no facts; nothing is invented to fill a gap.
 */
export function computeFacts(input: InsightsInput): Fact[] {
  const ctx = buildContext(input);
  const facts: Fact[] = [
    ...formFacts(ctx),
    ...streakFacts(ctx),
    ...headToHeadFacts(ctx),
    ...recordFacts(ctx),
    ...comebackFacts(ctx),
    ...scorerFacts(ctx),
    ...precedentFacts(ctx),
  ];
  return facts.sort((a, b) => b.notability - a.notability);
}

function buildContext(input: InsightsInput): InsightContext {
  const { fixture } = input;
  checkFixture(fixture);
  const cutoff = input.cutoff ?? fixture.date;
  if (!ISO_DATE.test(cutoff)) throw badInput('cut-off must be an ISO date (YYYY-MM-DD)', 'cutoff', cutoff);
  if (cutoff > fixture.date) {
    throw badInput(`cut-off ${cutoff} is after the fixture date ${fixture.date}: facts would see the future`, 'cutoff');
  }
  const options = checkOptions({ ...DEFAULT_OPTIONS, ...input.options });
  const history = new MatchHistory(input.matches, cutoff);
  return {
    fixture,
    cutoff,
    history,
    goals: input.goals ?? new Map(),
    options,
    fixtureKind: competitionKind(fixture.competitionCode, input.matches),
    firstLeg: firstLegOf(fixture, history),
    ties: completedTies(history),
    tieRules: tieRulesFrom(input.registry ?? CompetitionRegistry.builtIn()),
    scopes: new FactScopes(input.coverage ?? null, history),
  };
}

function checkFixture(fixture: Fixture): void {
  if (!ISO_DATE.test(fixture.date))
    throw badInput('fixture date must be an ISO date (YYYY-MM-DD)', 'date', fixture.date);
  if (fixture.homeTeamId === fixture.awayTeamId) {
    throw badInput(`home and away are the same team (${fixture.homeTeamId})`, 'awayTeamId');
  }
  if (!fixture.season) throw badInput('fixture season is empty', 'season');
}

function checkOptions(options: InsightsOptions): InsightsOptions {
  const [shortest, longest] = options.winsWindow;
  const positive = (n: number) => Number.isInteger(n) && n >= 1;
  if (!positive(options.formLength)) throw badInput('formLength must be a positive integer', 'formLength');
  if (!positive(shortest) || !positive(longest) || shortest > longest) {
    throw badInput('winsWindow must be [shortest, longest] positive integers', 'winsWindow');
  }
  if (!positive(options.recordLookback)) throw badInput('recordLookback must be a positive integer', 'recordLookback');
  if (!positive(options.recordMaxRank)) throw badInput('recordMaxRank must be a positive integer', 'recordMaxRank');
  return options;
}

/** The kind the data gives the competition, else the one matchday knows it by; null for an unknown code. */
function tieRulesFrom(registry: CompetitionRegistry): InsightContext['tieRules'] {
  return (code, season) => tieRulesOf(registry, code, season);
}

function competitionKind(code: string, matches: readonly StoredMatchView[]): InsightContext['fixtureKind'] {
  const kind =
    matches.find((m) => m.competition.code === code)?.competition.kind ??
    CompetitionRegistry.builtIn().find(code)?.kind;
  return kind === 'league' || kind === 'cup' || kind === 'continental' ? kind : null;
}

/** The first leg named by the fixture (checked), or a leg-1 match of the same competition and season the other way
 * round; null for a fixture that is not a second leg. */
function firstLegOf(fixture: Fixture, history: MatchHistory): StoredMatchView | null {
  const reversed = (m: StoredMatchView) => m.home.id === fixture.awayTeamId && m.away.id === fixture.homeTeamId;
  if (fixture.tie) {
    const leg = history.match(fixture.tie.firstLegMatchId);
    if (!leg) {
      throw new MatchdayError(
        'INSIGHTS_BAD_TIE',
        `first leg ${fixture.tie.firstLegMatchId} is not a played match before the cut-off`,
        { field: 'tie.firstLegMatchId' },
      );
    }
    if (!reversed(leg)) {
      throw new MatchdayError(
        'INSIGHTS_BAD_TIE',
        `first leg ${leg.id} (${leg.home.name} v ${leg.away.name}) is not the fixture's teams the other way round`,
        { field: 'tie.firstLegMatchId' },
      );
    }
    return leg;
  }
  const candidates = history.matches.filter(
    (m) => m.leg === 1 && reversed(m) && m.competition.code === fixture.competitionCode && m.season === fixture.season,
  );
  return candidates.at(-1) ?? null;
}

function badInput(message: string, field: string, value?: string): MatchdayError {
  return new MatchdayError('INSIGHTS_BAD_INPUT', value === undefined ? message : `${message}, got '${value}'`, {
    field,
  });
}
