import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import path from 'node:path';
import type { FixtureForecast } from '../../src/forecast/fixture-forecast.js';
import { computeMarkets } from '../../src/forecast/markets.js';
import { poissonScoreGrid } from '../../src/forecast/poisson-grid.js';
import { computeFacts } from '../../src/insights/compute-facts.js';
import { COMPLETE_COVERAGE } from '../insights/facts-of.js';
import type { Fact } from '../../src/insights/facts.js';
import type { ComposeInput } from '../../src/preview/compose-preview.js';
import { parseDossier, type Dossier } from '../../src/preview/dossier.js';
import { preparePreview } from '../../src/preview/prepare-preview.js';
import { openDatabase } from '../../src/store/database.js';
import type { Paragraph, Preview } from '../../src/preview/preview-document.js';
import type { StoredMatchView } from '../../src/store/match-queries.js';
import { HistoryBuilder } from '../insights/match-builder.js';

export const EXAMPLE_DOSSIER = path.resolve(
  import.meta.dirname,
  '../../examples/atalanta-liverpool-2024-04-18.dossier.yaml',
);
export const EXAMPLE_MODEL = path.resolve(
  import.meta.dirname,
  '../../examples/atalanta-liverpool-2024-04-18.model.json',
);

/** The Atalanta v Liverpool second leg prepared from the shared data's database, with the example dossier. */
export function secondLegFromSharedData(): ComposeInput {
  const db = openDatabase(inject('sharedDb'), { readonly: true });
  try {
    return preparePreview(db, { home: 'Atalanta', away: 'Liverpool', date: '2024-04-18', dossier: exampleDossier() });
  } finally {
    db.close();
  }
}

export function exampleDossier(): Dossier {
  return parseDossier(readFileSync(EXAMPLE_DOSSIER, 'utf8'), 'examples/atalanta-liverpool-2024-04-18.dossier.yaml');
}

/** A forecast from a Dixon-Coles grid with the given rates: every market from one grid, as the CLI makes it. */
export function forecastOf(home: number, away: number, rho = -0.05): FixtureForecast {
  const grid = poissonScoreGrid(home, away, { maxGoals: 10, rho });
  return {
    home: { id: 1, name: 'Team 1' },
    away: { id: 2, name: 'Team 2' },
    neutral: false,
    model: {
      family: 'dixon-coles',
      data: { competitions: [], from: null, before: '2024-04-18', matches: 100, firstDate: null, lastDate: null },
      converged: true,
      teamsFromPrior: [],
    },
    expectedGoals: { home: grid.homeExpected, away: grid.awayExpected },
    rho,
    markets: computeMarkets(grid),
    ensemble: null,
  };
}

/**
 * Team 1 hosts team 2 on 2024-04-18 in the second leg of a Europa League tie whose first leg team 1 won 3-0 away.
 * Team 2 has lost its last two (its first such run since three in March and April 2023); both have a season of
 * results and a head-to-head, and two earlier Europa League ties stood as this one does.
 */
export function tieHistory(): { matches: StoredMatchView[]; firstLegId: number } {
  const b = new HistoryBuilder();
  // Team 2's three defeats in a row in March-April 2023, then a long unbeaten spell.
  b.add({ date: '2023-03-11', home: 2, away: 40, score: '0-1' });
  b.add({ date: '2023-03-20', home: 41, away: 2, score: '2-0' });
  b.add({ date: '2023-04-02', home: 2, away: 42, score: '1-3' });
  b.series(2, '2023-08-12', ['2-0', '1-1', '3-2', '1-0', '2-2', '1-0', '4-1', '0-0', '2-1', '3-1'], { venue: 'home' });
  b.series(1, '2023-08-13', ['2-0', '1-1', '0-1', '3-2', '0-2', '1-0', '2-2', '1-3', '4-0', '0-0', '2-1', '0-1']);
  b.add({ date: '2023-11-01', home: 1, away: 2, score: '2-2' });
  b.add({ date: '2024-03-30', home: 2, away: 43, score: '0-2' });
  // Two earlier Europa League ties won 3-0 and 4-1 away in the first leg; both first-leg winners went through.
  b.add({ date: '2022-10-06', home: 50, away: 51, score: '0-3', competition: 'uefa.el', leg: 1, tieId: 1 });
  b.add({ date: '2022-10-13', home: 51, away: 50, score: '1-1', competition: 'uefa.el', leg: 2, tieId: 1 });
  b.add({ date: '2023-02-16', home: 52, away: 53, score: '1-4', competition: 'uefa.el', leg: 1, tieId: 2 });
  b.add({ date: '2023-02-23', home: 53, away: 52, score: '0-2', competition: 'uefa.el', leg: 2, tieId: 2 });
  const firstLegId = b.add({
    date: '2024-04-11',
    home: 2,
    away: 1,
    score: '0-3',
    competition: 'uefa.el',
    leg: 1,
    tieId: 9,
  });
  return { matches: b.matches, firstLegId };
}

export const FIXTURE = {
  homeTeamId: 1,
  awayTeamId: 2,
  date: '2024-04-18',
  competitionCode: 'uefa.el',
  season: '2023-24',
} as const;

export function tieFacts(matches: readonly StoredMatchView[]): Fact[] {
  return computeFacts({ fixture: { ...FIXTURE }, matches, coverage: COMPLETE_COVERAGE });
}

/** A complete compose input around the tie history: forecast, tie numbers, first leg, the example dossier. */
export function composeInput(overrides: Partial<ComposeInput> = {}): ComposeInput {
  const { matches, firstLegId } = tieHistory();
  return {
    fixture: {
      home: { teamId: 1, name: 'Team 1' },
      away: { teamId: 2, name: 'Team 2' },
      date: FIXTURE.date,
      competition: { code: 'uefa.el', name: 'UEFA Europa League' },
      round: 'Quarter-finals',
      leg: 2,
    },
    matches,
    facts: tieFacts(matches),
    firstLeg: { date: '2024-04-11', goals: { home: 3, away: 0 }, source: { matchId: firstLegId } },
    forecast: { forecast: forecastOf(1.4, 1.9), description: 'test model', receipt: null, sawTheMatch: false },
    tie: {
      home: { total: 0.9, inNormalTime: 0.86, inExtraTime: 0.02, onPenalties: 0.02 },
      away: { total: 0.1, inNormalTime: 0.06, inExtraTime: 0.02, onPenalties: 0.02 },
      awayGoalsRule: false,
      needs: 'Team 2 need to win by 3 to force extra time, by 4 to go through.',
      description: 'test tie',
    },
    nextRound: null,
    played: null,
    story: { home: null, away: null },
    dossier: null,
    venue: null,
    caveats: [],
    seed: 1,
    ...overrides,
  };
}

/** Every sentence of a preview (intro and sections) with its section id. */
export function sentencesOf(preview: Preview): { section: string; text: string; factIds: string[] }[] {
  const out: { section: string; text: string; factIds: string[] }[] = [];
  const add = (section: string, paragraphs: readonly Paragraph[]) => {
    for (const p of paragraphs) if (p.kind === 'text') for (const s of p.sentences) out.push({ section, ...s });
  };
  add('intro', preview.intro);
  for (const section of preview.sections) add(section.id, section.paragraphs);
  return out;
}
