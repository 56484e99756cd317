import type { FixtureForecast } from '../forecast/fixture-forecast.js';
import type { Fact } from '../insights/facts.js';
import type { StoredMatchView } from '../store/match-queries.js';
import type { Dossier } from './dossier.js';
import {
  checkPreview,
  PREVIEW_VERSION,
  SECTION_TITLES,
  type DocumentReceipt,
  type Paragraph,
  type Preview,
  type PreviewSection,
  type TieOutcome,
} from './preview-document.js';
import { WriteContext } from './write-context.js';
import { writeCrowd, venueDocuments, type VenueOnTheDay } from './write-crowd.js';
import { writeDataAnalysis, type ActualResult } from './write-data-analysis.js';
import { listJoin } from './write-english.js';
import type { FirstLegScore, ForecastNumbers, TieNumbers } from './write-forecast-input.js';
import { writeIntro } from './write-intro.js';
import { writeLineups } from './write-lineups.js';
import { writeMatchPreview } from './write-match-preview.js';
import { writeTeamNews } from './write-team-news.js';
import { writeVerdict } from './write-verdict.js';

/**
 * Facts, forecast, tie, dossier and venue → the Preview. Pure: everything arrives gathered (see prepare-preview for
 * the database side), every section writer cites what it states, and the result is checked before it is returned.
 * A section with nothing to say is left out rather than padded.
 */
export interface ComposeInput {
  fixture: {
    home: { teamId: number | null; name: string };
    away: { teamId: number | null; name: string };
    date: string;
    competition: { code: string; name: string };
    round: string | null;
    leg: 1 | 2 | null;
  };
  /** Every match a fact may cite: the history, the first leg, the played fixture. */
  matches: readonly StoredMatchView[];
  /** Insight facts, most notable first. */
  facts: readonly Fact[];
  /** The first leg in the fixture's orientation, from a stored match or the dossier. */
  firstLeg: {
    date: string;
    goals: { home: number; away: number };
    source: { matchId: number } | { document: DocumentReceipt };
  } | null;
  forecast: {
    forecast: FixtureForecast;
    description: string;
    /** The saved model file, when the numbers come from one. */
    receipt: DocumentReceipt | null;
    sawTheMatch: boolean;
  };
  tie: {
    home: TieOutcome;
    away: TieOutcome;
    awayGoalsRule: boolean;
    needs: string | null;
    description: string;
  } | null;
  /** Who the winners meet next, when the bracket knows. */
  nextRound: { round: string; opponents: string[]; matchIds: number[] } | null;
  /** The fixture itself once played: its 90-minute score. */
  played: { matchId: number; goals: { home: number; away: number }; extraTime: boolean } | null;
  dossier: Dossier | null;
  venue: VenueOnTheDay | null;
  caveats: readonly string[];
  /** Chooses among sentence templates; the same seed writes the same preview. */
  seed: number;
}

export function composePreview(input: ComposeInput): Preview {
  const { fixture } = input;
  const ctx = new WriteContext({
    seed: input.seed,
    fixtureDate: fixture.date,
    home: fixture.home,
    away: fixture.away,
    matches: input.matches,
  });

  const firstLeg = citeFirstLeg(ctx, input);
  const forecast: ForecastNumbers = {
    markets: input.forecast.forecast.markets,
    expectedGoals: input.forecast.forecast.expectedGoals,
    description: input.tie ? `${input.forecast.description}. ${input.tie.description}` : input.forecast.description,
    factId: ctx.citeOther('forecast', 'forecast', {
      documents: input.forecast.receipt ? [input.forecast.receipt] : [],
    }),
    sawTheMatch: input.forecast.sawTheMatch,
  };
  const tie: TieNumbers | null =
    input.tie && input.firstLeg && firstLeg
      ? {
          ...input.tie,
          factId: ctx.citeOther('tie-forecast', 'tie forecast', {
            ...('matchId' in input.firstLeg.source
              ? { matchIds: [input.firstLeg.source.matchId] }
              : { documents: [input.firstLeg.source.document] }),
          }),
        }
      : null;
  const venueFactId = input.venue ? ctx.citeOther('venue', 'venue', { documents: venueDocuments(input.venue) }) : null;

  const intro: Paragraph[] =
    firstLeg && fixture.leg !== 1
      ? writeIntro(ctx, {
          firstLegFactId: firstLeg.factId,
          firstLeg,
          competitionName: fixture.competition.name,
          round: fixture.round,
          venue: input.venue && venueFactId ? { name: input.venue.name, factId: venueFactId } : null,
          needs: input.tie?.needs ?? null,
        })
      : [];
  if (input.nextRound && intro.length > 0 && intro[0].kind === 'text') {
    const next = input.nextRound;
    intro[0].sentences.push({
      text: `The winners will face ${listJoin(next.opponents, 'or')} in the ${next.round.toLowerCase()}.`,
      factIds: [ctx.citeOther('next-round', 'next round', { matchIds: next.matchIds })],
    });
  }

  const sections: PreviewSection[] = [];
  const matchPreview = writeMatchPreview(ctx, {
    facts: input.facts,
    firstLegMatchId: firstLegMatchId(input),
    quotes: input.dossier?.quotes ?? [],
    dossierFile: input.dossier?.file ?? null,
  });
  if (matchPreview.length > 0) sections.push(section('match-preview', matchPreview));
  if (input.dossier) {
    const news = writeTeamNews(ctx, input.dossier);
    if (news.length > 0) sections.push(section('team-news', news));
    const lineups = writeLineups(ctx, input.dossier);
    if (lineups.length > 0) {
      sections.push({ id: 'possible-line-ups', title: SECTION_TITLES['possible-line-ups'], paragraphs: [], lineups });
    }
  }
  const { verdict, paragraphs: verdictParagraphs } = writeVerdict(ctx, forecast, firstLeg, tie);
  sections.push({ id: 'we-say', title: SECTION_TITLES['we-say'], paragraphs: verdictParagraphs, verdict });
  const actual: ActualResult | null = input.played
    ? {
        goals: input.played.goals,
        extraTime: input.played.extraTime,
        factId: ctx.citeOther('result', 'result', { matchIds: [input.played.matchId] }),
      }
    : null;
  const { analysis, paragraphs: analysisParagraphs } = writeDataAnalysis(ctx, forecast, tie, actual);
  sections.push({
    id: 'data-analysis',
    title: SECTION_TITLES['data-analysis'],
    paragraphs: analysisParagraphs,
    analysis,
  });
  if (input.venue?.crowd) {
    const crowd = writeCrowd(ctx, input.venue, input.venue.crowd);
    sections.push({
      id: 'matchday-crowd',
      title: SECTION_TITLES['matchday-crowd'],
      paragraphs: crowd.paragraphs,
      venue: input.venue.name,
      crowd: input.venue.crowd,
      factIds: crowd.factIds,
    });
  }

  const preview: Preview = {
    version: PREVIEW_VERSION,
    fixture: {
      home: fixture.home.name,
      away: fixture.away.name,
      date: fixture.date,
      competition: fixture.competition.name,
      ...(fixture.round !== null && { round: fixture.round }),
      ...(fixture.leg !== null && { leg: fixture.leg }),
      ...(input.venue && { venue: input.venue.name }),
    },
    intro,
    sections,
    facts: ctx.facts(),
    caveats: [...input.caveats],
  };
  checkPreview(preview);
  return preview;
}

function section(id: 'match-preview' | 'team-news', paragraphs: Paragraph[]): PreviewSection {
  return { id, title: SECTION_TITLES[id], paragraphs };
}

function citeFirstLeg(ctx: WriteContext, input: ComposeInput): FirstLegScore | null {
  const leg = input.firstLeg;
  if (!leg) return null;
  const factId = ctx.citeOther(
    'first-leg',
    'first leg',
    'matchId' in leg.source ? { matchIds: [leg.source.matchId] } : { documents: [leg.source.document] },
  );
  return { date: leg.date, goals: leg.goals, factId };
}

function firstLegMatchId(input: ComposeInput): number | null {
  const source = input.firstLeg?.source;
  return source && 'matchId' in source ? source.matchId : null;
}
