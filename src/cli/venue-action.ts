import { MatchdayError } from '../errors.js';
import { CompetitionRegistry } from '../competitions/registry.js';
import type { Dossier } from '../preview/dossier.js';
import { outnumberedSentence, ruleSentence, venueOnTheDay, type VenueOnTheDay } from '../preview/write-crowd.js';
import { defaultDatabasePath } from '../store/database.js';
import { countVenues, findVenues, venueNameKey } from '../store/venue-queries.js';
import { parseNumber } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';
import { openPreviewDatabase, readDossier } from './preview-action.js';

export interface VenueOptions extends CommonOptions {
  competition?: string;
  capacity?: string;
  awayAllocation?: string;
  dossier?: string;
}

/** `matchday venue`, loaded when the command runs (start-up and --help stay fast). */
export function runVenueCommand(name: string, options: VenueOptions): Promise<void> {
  return runCommand(options, () => {
    const dossier = options.dossier ? readDossier(options.dossier) : null;
    if (dossier && !dossierNames(dossier).has(venueNameKey(name))) {
      throw new MatchdayError(
        'DOSSIER_MISMATCH',
        `the dossier's venue is ${dossier.venue?.name ?? 'not given'}, not ${name}`,
        {
          file: dossier.file,
          field: 'venue',
        },
      );
    }
    const db = openPreviewDatabase(options.db ?? defaultDatabasePath());
    let registry;
    let registrySize;
    try {
      registry = findVenues(db, [name, ...(dossier?.venue ? [...dossierNames(dossier)] : [])])[0] ?? null;
      registrySize = countVenues(db);
    } finally {
      db.close();
    }
    const capacity = options.capacity !== undefined ? seats(options.capacity, 'capacity') : undefined;
    if (!registry && !dossier && capacity === undefined) {
      throw new MatchdayError(
        'UNKNOWN_VENUE',
        `not in the venue registry (${registrySize} grounds): give --capacity or a --dossier with this venue`,
        { field: 'name' },
      );
    }
    const competition = competitionCode(options.competition, dossier);
    const venue = venueOnTheDay({
      name,
      competition,
      registry,
      dossier,
      ...(capacity !== undefined && { capacity }),
      ...(options.awayAllocation !== undefined && {
        awayAllocation: seats(options.awayAllocation, 'away-allocation'),
      }),
    });
    const teams = { home: dossier?.fixture.home ?? null, away: dossier?.fixture.away ?? null };
    const sentences = venue.crowd
      ? [ruleSentence(venue.crowd, venue.announcedBy), outnumberedSentence(venue.crowd, teams)].filter(
          (s): s is string => s !== null,
        )
      : [];
    if (options.json) return printJson({ ...venueReport(venue, competition), sentences });
    printVenue(venue, sentences);
  });
}

/** The JSON report: names, the registry entry, capacities with their sources, the allocation and the crowd. */
function venueReport(venue: VenueOnTheDay, competition: string | null) {
  const crowd = venue.crowd;
  return {
    names: {
      name: venue.name,
      official: venue.officialName,
      competition: venue.competitionName,
      other: venue.otherNames,
    },
    city: venue.city,
    country: venue.country,
    registry: venue.registry,
    capacity: {
      normal: venue.normalCapacity,
      normalFrom: venue.normalCapacityFrom,
      current: venue.capacity,
      currentFrom: venue.capacityFrom,
      note: venue.capacityNote,
    },
    competition,
    awayAllocation: crowd
      ? {
          rule: crowd.rule && { id: crowd.rule.id, description: crowd.rule.description, seats: crowd.ruleAllocation },
          announced: crowd.announcedAllocation,
          announcedBy: venue.announcedBy,
          announcedMinusRule: crowd.announcedMinusRule,
          capacityImpliedByAnnouncement: crowd.capacityImpliedByAnnouncement,
        }
      : null,
    crowd,
    ticketCollection: venue.collection,
  };
}

function printVenue(venue: VenueOnTheDay, sentences: string[]): void {
  const names = [
    venue.officialName && `official: ${venue.officialName}`,
    venue.competitionName && `in this competition: ${venue.competitionName}`,
  ]
    .filter(Boolean)
    .join('; ');
  process.stdout.write(`${venue.name}${names ? ` (${names})` : ''}${venue.city ? `, ${venue.city}` : ''}\n`);
  const crowd = venue.crowd;
  const count = (n: number | null | undefined) => (n === null || n === undefined ? '-' : n.toLocaleString('en-GB'));
  const rows: (string | number)[][] = [
    ['normal capacity', count(venue.normalCapacity), venue.normalCapacityFrom ?? ''],
    ['capacity for this match', count(venue.capacity), venue.capacityFrom ?? ''],
  ];
  if (crowd) {
    rows.push(
      ['away allocation by the rule', count(crowd.ruleAllocation), crowd.rule?.description ?? 'no rule'],
      ['away allocation announced', count(crowd.announcedAllocation), venue.announcedBy ?? ''],
      ['away fans', count(crowd.awayFans), crowd.awayFansFrom],
      ['home fans', count(crowd.homeFans), ''],
      ['home fans per away fan', crowd.homeFansPerAwayFan.toFixed(1), `about ${crowd.outnumberedAbout} to one`],
    );
  }
  printTable(['', 'seats', 'source'], rows);
  for (const sentence of sentences) process.stdout.write(`${sentence}\n`);
}

function competitionCode(option: string | undefined, dossier: Dossier | null): string | null {
  if (!option) return dossier?.fixture.competition ?? null;
  const found = CompetitionRegistry.builtIn().find(option);
  if (!found) throw new MatchdayError('UNKNOWN_COMPETITION', `unknown competition ${option}`, { field: 'competition' });
  return found.code;
}

function dossierNames(dossier: Dossier): Set<string> {
  const venue = dossier.venue;
  const names = venue ? [venue.name, venue.officialName, venue.competitionName] : [];
  return new Set(names.filter((n): n is string => n !== undefined).map(venueNameKey));
}

function seats(text: string, field: string): number {
  const value = parseNumber(text, field, 1);
  if (!Number.isInteger(value)) {
    throw new MatchdayError('BAD_OPTION', `--${field} must be a whole number of seats, got ${text}`, { field });
  }
  return value;
}
