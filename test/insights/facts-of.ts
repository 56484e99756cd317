import type { GoalView, StoredMatchView } from '../../src/store/match-queries.js';
import { computeFacts } from '../../src/insights/compute-facts.js';
import type { Fact } from '../../src/insights/facts.js';
import type { SeasonCoverageLookup } from '../../src/insights/fact-scope.js';
import type { Fixture } from '../../src/insights/insight-context.js';

/** The synthetic histories are the whole world: the data holds every match of every season. */
export const COMPLETE_COVERAGE: SeasonCoverageLookup = () => ({ allCompetitions: true, held: [], missing: [] });

/** The fixture most tests use: team 1 at home to team 2 on 2024-04-18 in the Premier League. */
export const FIXTURE: Fixture = {
  homeTeamId: 1,
  awayTeamId: 2,
  date: '2024-04-18',
  competitionCode: 'eng.1',
  season: '2023-24',
};

/** All facts of one kind for the fixture (default FIXTURE, overridable field by field). */
export function factsOf<K extends Fact['kind']>(
  kind: K,
  matches: readonly StoredMatchView[],
  fixture: Partial<Fixture> = {},
  goals?: ReadonlyMap<number, readonly GoalView[]>,
): Extract<Fact, { kind: K }>[] {
  return computeFacts({ fixture: { ...FIXTURE, ...fixture }, matches, goals, coverage: COMPLETE_COVERAGE }).filter(
    (f): f is Extract<Fact, { kind: K }> => f.kind === kind,
  );
}
