import type { FixtureForecast } from '../forecast/fixture-forecast.js';
import type { Fact, FormFact, RunFact } from '../insights/facts.js';
import type { StoredMatchView } from '../store/match-queries.js';
import type { Dossier, DossierQuote } from './dossier.js';
import type { TeamStory } from './prepare-story.js';
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
import { possessive } from './write-english.js';
import { varyOpenings, type Subject } from './vary-openings.js';
import type { FirstLegScore, ForecastNumbers, TieNumbers } from './write-forecast-input.js';
import { writeLineups } from './write-lineups.js';
import { writeMatchPreview } from './write-match-preview.js';
import { writeTeamNews } from './write-team-news.js';
import { writeFurniture } from './write-furniture.js';
import { writeStory, type Manager } from './write-story.js';
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
  /** Each side's league standing and previous round, when the history has them. */
  story: { home: TeamStory | null; away: TeamStory | null };
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

  const story = writeStory(ctx, {
    firstLeg,
    leg: fixture.leg,
    competitionName: fixture.competition.name,
    round: fixture.round,
    venue: input.venue && venueFactId ? { name: input.venue.name, factId: venueFactId } : null,
    teams: input.story,
    lastMatches: { home: lastMatchOf(input, fixture.home.teamId), away: lastMatchOf(input, fixture.away.teamId) },
    endedRuns: { home: endedRunsOf(input, fixture.home.teamId), away: endedRunsOf(input, fixture.away.teamId) },
    managers: { home: managerOf(ctx, input.dossier, 'home'), away: managerOf(ctx, input.dossier, 'away') },
    nextRound: input.nextRound && {
      round: input.nextRound.round,
      opponents: input.nextRound.opponents,
      factId: ctx.citeOther('next-round', 'next round', { matchIds: input.nextRound.matchIds }),
    },
  });
  const subjects = subjectsOf(ctx, input.dossier);
  const intro = varyOpenings(story.standfirst, subjects);
  const furniture = writeFurniture(ctx, input.facts, fixture.leg !== 1 ? firstLeg : null, tie);

  const sections: PreviewSection[] = [];
  const matchPreview = writeMatchPreview(ctx, {
    // Each fact once: a run the story has told is not told again.
    facts: input.facts.filter((f) => f.kind !== 'run' || !story.told.includes(f)),
    firstLegMatchId: firstLegMatchId(input),
    quotes: input.dossier?.quotes ?? [],
    quoteTeams: (input.dossier?.quotes ?? []).map((q) => speakerTeam(input, q)),
    quoteMatches: (input.dossier?.quotes ?? []).map((q) => quoteMatch(input, q)),
    dossierFile: input.dossier?.file ?? null,
  });
  if (story.lead.length + matchPreview.length > 0) {
    sections.push(section('match-preview', varyOpenings([...story.lead, ...matchPreview], subjects)));
  }
  if (input.dossier) {
    const news = varyOpenings(writeTeamNews(ctx, input.dossier), subjects);
    if (news.length > 0) sections.push(section('team-news', news));
    const lineups = writeLineups(ctx, input.dossier);
    if (lineups.length > 0) {
      sections.push({ id: 'possible-line-ups', title: SECTION_TITLES['possible-line-ups'], paragraphs: [], lineups });
    }
  }
  const allForm = (teamId: number | null) =>
    input.facts.find((f): f is FormFact => f.kind === 'form' && f.competitions === 'all' && f.teamId === teamId) ??
    null;
  const { verdict, paragraphs: verdictParagraphs } = writeVerdict(ctx, forecast, firstLeg, tie, {
    form: { home: allForm(fixture.home.teamId), away: allForm(fixture.away.teamId) },
    dossier: input.dossier,
  });
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
    furniture,
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

/** Each side's name and, when the dossier names its manager, "Gian Piero Gasperini's side" citing that line. */
function subjectsOf(ctx: WriteContext, dossier: Dossier | null): Subject[] {
  return (['home', 'away'] as const).map((side) => {
    const name = side === 'home' ? ctx.home.name : ctx.away.name;
    const manager = managerOf(ctx, dossier, side);
    return { name, alternates: manager ? [{ text: `${possessive(manager.name)} side`, cite: manager.cite }] : [] };
  });
}

/** A side's manager from the dossier, cited (its dossier line) only when a sentence names him. */
function managerOf(ctx: WriteContext, dossier: Dossier | null, side: 'home' | 'away'): Manager | null {
  const manager = dossier?.managers[side];
  if (!manager || !dossier) return null;
  const team = side === 'home' ? ctx.home.name : ctx.away.name;
  return {
    name: manager.name,
    cite: () =>
      ctx.citeOther(`manager-${side}`, 'manager', {
        documents: [{ file: dossier.file, line: manager.line, label: `${team} manager: ${manager.name}` }],
      }),
  };
}

/** The side a quote's speaker speaks for: the dossier names him its manager, or his role names the club. */
function speakerTeam(input: ComposeInput, quote: DossierQuote): number | null {
  for (const side of ['home', 'away'] as const) {
    const team = input.fixture[side];
    const manager = input.dossier?.managers[side]?.name;
    if (manager === quote.speaker || (quote.role ?? '').toLowerCase().includes(team.name.toLowerCase())) {
      return team.teamId;
    }
  }
  return null;
}

/** The match the speaker's side played on the day of the quote or the day before: what he was talking after. */
function quoteMatch(input: ComposeInput, quote: DossierQuote): StoredMatchView | null {
  const teamId = speakerTeam(input, quote);
  if (teamId === null) return null;
  const dayBefore = new Date(Date.parse(`${quote.date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return (
    input.matches.find(
      (m) =>
        (m.home.id === teamId || m.away.id === teamId) &&
        m.date >= dayBefore &&
        m.date <= quote.date &&
        m.date < input.fixture.date &&
        m.score.ft !== null,
    ) ?? null
  );
}

/** A team's last played match before the fixture. */
function lastMatchOf(input: ComposeInput, teamId: number | null): StoredMatchView | null {
  if (teamId === null) return null;
  const played = input.matches.filter(
    (m) => (m.home.id === teamId || m.away.id === teamId) && m.date < input.fixture.date && m.score.ft !== null,
  );
  return played.reduce<StoredMatchView | null>((last, m) => (last === null || m.date >= last.date ? m : last), null);
}

/** The team's runs that have ended, most notable first: the story says which its last match ended. */
function endedRunsOf(input: ComposeInput, teamId: number | null): RunFact[] {
  return input.facts.filter((f): f is RunFact => f.kind === 'run' && f.teamId === teamId && !f.ongoing);
}

function firstLegMatchId(input: ComposeInput): number | null {
  const source = input.firstLeg?.source;
  return source && 'matchId' in source ? source.matchId : null;
}
