import { MatchdayError } from '../errors.js';
import type { VenueEntry } from '../store/venue-queries.js';
import { estimateCrowd, type CrowdEstimate } from './crowd.js';
import type { Dossier } from './dossier.js';
import type { DocumentReceipt, Paragraph, Sentence } from './preview-document.js';
import { formatCount } from './preview-layout.js';
import type { WriteContext } from './write-context.js';
import { capitalise, possessive, venueInSentence } from './write-english.js';

/**
 * "Matchday crowd": the ground on the day — its names (registry and dossier together), the capacity for this match
 * (an explicit figure, else the dossier's, else the registry's normal capacity), the away allocation by the
 * competition's ticketing rule and as announced, and how heavily the away fans are outnumbered.
 */
export interface VenueOnTheDay {
  /** The name the preview uses: the dossier's, else the name asked for, else the registry's. */
  name: string;
  officialName: string | null;
  /** The name used in this competition (UEFA's "Stadio di Bergamo"). */
  competitionName: string | null;
  /** Registry names not given above. */
  otherNames: string[];
  city: string | null;
  country: string | null;
  registry: VenueEntry | null;
  normalCapacity: number | null;
  normalCapacityFrom: 'dossier' | 'registry' | null;
  /** Seats for this match. */
  capacity: number | null;
  capacityFrom: 'given' | 'dossier' | 'registry' | null;
  capacityNote: string | null;
  announcedBy: string | null;
  collection: string | null;
  /** Null without a capacity, or without a ticketing rule or announced allocation. */
  crowd: CrowdEstimate | null;
  receipts: { registry: DocumentReceipt | null; venue: DocumentReceipt | null; ticketing: DocumentReceipt | null };
}

export interface VenueOnTheDayInput {
  /** The name asked for (the venue command's argument). */
  name?: string;
  /** matchday competition code; null when unknown (no rule applies). */
  competition: string | null;
  registry: VenueEntry | null;
  dossier: Dossier | null;
  /** Explicit figures that override the dossier (`--capacity`, `--away-allocation`). */
  capacity?: number;
  awayAllocation?: number;
}

export function venueOnTheDay(input: VenueOnTheDayInput): VenueOnTheDay {
  const { registry, dossier } = input;
  const venue = dossier?.venue;
  const ticketing = dossier?.ticketing;
  const name = venue?.name ?? input.name ?? registry?.name;
  if (!name) throw new MatchdayError('NO_VENUE', 'no venue: give a name, a dossier with a venue, or a registry entry');
  const officialName = venue?.officialName ?? null;
  const competitionName = venue?.competitionName ?? null;
  const named = new Set([name, officialName, competitionName].filter((n): n is string => n !== null));
  const otherNames = registry ? [registry.name, ...registry.aliases].filter((n) => !named.has(n)) : [];

  const normalCapacity = venue?.normalCapacity ?? registry?.capacity ?? null;
  const capacity = input.capacity ?? venue?.capacity ?? registry?.capacity ?? null;
  const capacityFrom =
    input.capacity !== undefined
      ? 'given'
      : venue?.capacity !== undefined
        ? 'dossier'
        : registry?.capacity != null
          ? 'registry'
          : null;
  const announced = input.awayAllocation ?? ticketing?.awayAllocation;
  let crowd: CrowdEstimate | null = null;
  if (capacity !== null && (input.competition !== null || announced !== undefined)) {
    try {
      crowd = estimateCrowd({
        competition: input.competition ?? 'unknown',
        capacity,
        ...(normalCapacity !== null && { normalCapacity }),
        ...(announced !== undefined && { announcedAllocation: announced }),
        ...(ticketing?.awayClubShare !== undefined && { awayClubSeats: ticketing.awayClubShare }),
      });
    } catch (error) {
      // A competition without a ticketing rule and no announced figure: there is no allocation to state.
      if (!(error instanceof MatchdayError) || error.code !== 'NO_TICKETING_RULE') throw error;
    }
  }
  return {
    name,
    officialName,
    competitionName,
    otherNames,
    city: venue?.city ?? registry?.city ?? null,
    country: registry?.country ?? null,
    registry,
    normalCapacity,
    normalCapacityFrom:
      venue?.normalCapacity !== undefined ? 'dossier' : registry?.capacity != null ? 'registry' : null,
    capacity,
    capacityFrom,
    capacityNote: venue?.capacityNote ?? null,
    announcedBy: ticketing?.announcedBy ?? null,
    collection: ticketing?.collection ?? null,
    crowd,
    receipts: {
      registry: registry?.source
        ? { file: registry.source.file, line: registry.source.line, label: `${registry.name} in the venue registry` }
        : null,
      venue:
        venue && dossier ? { file: dossier.file, line: venue.line, label: `${venue.name} on the day (dossier)` } : null,
      ticketing:
        ticketing && dossier ? { file: dossier.file, line: ticketing.line, label: 'ticketing (dossier)' } : null,
    },
  };
}

/** The documents behind the venue's names and capacity (registry and dossier venue block). */
export function venueDocuments(venue: VenueOnTheDay): DocumentReceipt[] {
  return [venue.receipts.registry, venue.receipts.venue].filter((r): r is DocumentReceipt => r !== null);
}

/** The crowd sentences, citing the venue, the ticketing and the crowd figures. */
export function writeCrowd(
  ctx: WriteContext,
  venue: VenueOnTheDay,
  crowd: CrowdEstimate,
): { paragraphs: Paragraph[]; factIds: string[] } {
  const away = ctx.away.name;
  const venueId = ctx.citeOther('venue', 'venue', { documents: venueDocuments(venue) });
  const sentences: Sentence[] = [];
  const names = [
    venue.officialName ? `officially the ${stripArticle(venue.officialName)}` : null,
    venue.competitionName ? `known as the ${stripArticle(venue.competitionName)} in this competition` : null,
  ].filter((n): n is string => n !== null);
  const ground = `${venueInSentence(venue.name)}${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
  const ticketingDocs = venue.receipts.ticketing ? [venue.receipts.ticketing] : [];
  const crowdId = ctx.citeOther('crowd', 'crowd', { documents: [...venueDocuments(venue), ...ticketingDocs] });
  const awayFans = formatCount(crowd.awayFans);
  sentences.push({
    text: ctx.pick([
      `Only about ${awayFans} ${away} supporters are expected at ${ground}.`,
      `${away} will have about ${awayFans} fans inside ${ground}.`,
    ]),
    factIds: [venueId, crowdId],
  });
  if (crowd.normalCapacity !== null && crowd.seatsOutOfUse !== null) {
    sentences.push({
      text: `The ground normally holds ${formatCount(crowd.normalCapacity)}, but ${formatCount(crowd.capacity)} seats are available for this match.`,
      factIds: [venueId],
    });
  } else {
    sentences.push({ text: `${formatCount(crowd.capacity)} seats are available for this match.`, factIds: [venueId] });
  }
  if (venue.capacityNote) sentences.push({ text: endSentence(venue.capacityNote), factIds: [venueId] });
  const rule = ruleSentence(crowd, venue.announcedBy);
  if (rule) sentences.push({ text: rule, factIds: [crowdId] });
  if (crowd.awayClubSeats !== null) {
    sentences.push({
      text: `That includes ${formatCount(crowd.awayClubSeats)} seats ${away} keep for family, staff and sponsors.`,
      factIds: [crowdId],
    });
  }
  sentences.push({ text: outnumberedSentence(crowd, { home: ctx.home.name, away }), factIds: [crowdId] });
  if (venue.collection) sentences.push({ text: endSentence(venue.collection), factIds: [crowdId] });
  return { paragraphs: [{ kind: 'text', sentences }], factIds: [venueId, crowdId] };
}

/**
 * The allocation by the competition's rule set against the announced one: "The 750 announced by Liverpool FC is 50
 * below the rule: …". Null when no rule covers the competition.
 */
export function ruleSentence(crowd: CrowdEstimate, announcedBy: string | null): string | null {
  const { rule, ruleAllocation } = crowd;
  if (!rule || ruleAllocation === null) return null;
  const ruleText = `${ruleWording(rule.description)}, ${formatCount(ruleAllocation)} of ${formatCount(crowd.capacity)} seats`;
  const by = announcedBy ? ` by ${announcedBy}` : '';
  if (crowd.announcedAllocation === null) {
    return `${capitalise(ruleText)}. No allocation has been announced, so the crowd figures use the rule's.`;
  }
  const announced = formatCount(crowd.announcedAllocation);
  if (crowd.announcedMinusRule === 0) return `The ${announced} tickets announced${by} match the rule: ${ruleText}.`;
  const gap = crowd.announcedMinusRule ?? 0;
  const implied =
    crowd.capacityImpliedByAnnouncement !== null
      ? ` (${announced} would be ${formatShare(rule.shareOfCapacity)} of ${formatCount(crowd.capacityImpliedByAnnouncement)})`
      : '';
  return `The ${announced} tickets announced${by} are ${formatCount(Math.abs(gap))} ${gap < 0 ? 'fewer' : 'more'} than the rule gives: ${ruleText}${implied}.`;
}

/**
 * How heavily the away fans are outnumbered, by crowd.ts's measure (home fans per away fan), with the share of the
 * crowd they make up beside it: "Atalanta's supporters will outnumber Liverpool's about 20 to one; roughly one in 21
 * of the crowd will be an away fan."
 */
export function outnumberedSentence(crowd: CrowdEstimate, teams: { home: string | null; away: string | null }): string {
  const share = formatCount(Math.round(crowd.capacity / crowd.awayFans));
  const ratio = `about ${formatCount(crowd.outnumberedAbout)} to one`;
  const counts = `${formatCount(crowd.homeFans)} home fans to ${formatCount(crowd.awayFans)} away`;
  const who =
    teams.home && teams.away
      ? `${possessive(teams.home)} supporters will outnumber ${possessive(teams.away)} ${ratio}`
      : `home fans will outnumber away fans ${ratio}`;
  return `With ${counts}, ${who}; roughly one in ${share} of the crowd will be an away fan.`;
}

/** `UEFA club competitions: at least 5% of the approved capacity` → `under the UEFA club competitions rule, the away
 * club gets at least 5% of the approved capacity`. */
function ruleWording(description: string): string {
  const [who, what] = description.split(/:\s*/, 2);
  return what ? `under the ${who} rule, the away club gets ${what}` : description;
}

/** `0.05` → `5%`. */
function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

function stripArticle(name: string): string {
  return name.replace(/^the\s+/i, '');
}

function endSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
