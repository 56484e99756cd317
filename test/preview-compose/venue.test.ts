import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { VenueStore } from '../../src/store/venue-store.js';
import { findVenues, venueNameKey } from '../../src/store/venue-queries.js';
import { outnumberedSentence, ruleSentence, venueOnTheDay } from '../../src/preview/write-crowd.js';
import { exampleDossier } from './compose-input.js';

function registryWith(...stadiums: { name: string; aliases: string[]; capacity: number }[]) {
  const db = openDatabase(':memory:');
  new VenueStore(db).addStadiums(
    stadiums.map((s, i) => ({
      source: { format: 'openfootball-stadiums', file: 'it.stadiums.txt', line: 10 + i },
      name: s.name,
      aliases: s.aliases,
      capacity: s.capacity,
      opened: null,
      city: 'Bergamo',
      country: 'ITA',
    })),
  );
  return db;
}

describe('venue registry lookups', () => {
  it('finds a ground by its name or any alias, ignoring case, accents and apostrophes; own name first', () => {
    const db = registryWith(
      { name: "Stadio Atleti Azzurri d'Italia", aliases: ['Gewiss Stadium', 'Stadio di Bergamo'], capacity: 21000 },
      { name: 'Gewiss Stadium', aliases: [], capacity: 100 },
    );
    expect(findVenues(db, ['GEWISS  stadium']).map((v) => v.name)).toEqual([
      'Gewiss Stadium',
      "Stadio Atleti Azzurri d'Italia",
    ]);
    const [entry] = findVenues(db, ['Stadio Atleti Azzurri d’Italia']);
    expect(entry).toMatchObject({ capacity: 21000, aliases: ['Gewiss Stadium', 'Stadio di Bergamo'] });
    expect(entry.source).toEqual({ file: 'it.stadiums.txt', line: 10 });
    expect(findVenues(db, ['Anfield'])).toEqual([]);
    expect(venueNameKey('Estádio  do Dragão')).toBe('estadio do dragao');
  });
});

describe('the ground on matchday', () => {
  it("takes the dossier's 16,000 and Liverpool's 750 against UEFA's 5% rule: 800, about 20 to one", () => {
    const venue = venueOnTheDay({ competition: 'uefa.el', registry: null, dossier: exampleDossier() });
    expect(venue).toMatchObject({
      name: 'Gewiss Stadium',
      officialName: "Stadio Atleti Azzurri d'Italia",
      competitionName: 'Stadio di Bergamo',
      capacity: 16000,
      capacityFrom: 'dossier',
      normalCapacity: 21000,
    });
    expect(venue.crowd).toMatchObject({
      ruleAllocation: 800,
      announcedAllocation: 750,
      announcedMinusRule: -50,
      capacityImpliedByAnnouncement: 15000,
      awayFans: 750,
      homeFans: 15250,
      outnumberedAbout: 20,
    });
    expect(venue.crowd?.homeFansPerAwayFan).toBeCloseTo(15250 / 750, 12);
    const crowd = venue.crowd!;
    expect(outnumberedSentence(crowd, { home: 'Atalanta', away: 'Liverpool' })).toBe(
      "With 15,250 home fans to 750 away, Atalanta's supporters will outnumber Liverpool's about 20 to one; roughly one in 21 of the crowd will be an away fan.",
    );
    expect(ruleSentence(crowd, 'Liverpool FC')).toBe(
      'The 750 tickets announced by Liverpool FC are 50 fewer than the rule gives: under the UEFA club competitions rule, the away club gets at least 5% of the approved capacity, 800 of 16,000 seats (750 would be 5% of 15,000).',
    );
  });

  it('lets explicit figures override the dossier and the registry, and uses the rule when nothing was announced', () => {
    const db = registryWith({ name: "Stadio Atleti Azzurri d'Italia", aliases: ['Gewiss Stadium'], capacity: 21000 });
    const registry = findVenues(db, ['Gewiss Stadium'])[0];
    const fromRegistry = venueOnTheDay({ name: 'Gewiss Stadium', competition: 'uefa.el', registry, dossier: null });
    expect(fromRegistry).toMatchObject({ capacity: 21000, capacityFrom: 'registry', normalCapacity: 21000 });
    expect(fromRegistry.crowd).toMatchObject({ ruleAllocation: 1050, awayFans: 1050, awayFansFrom: 'rule' });
    expect(fromRegistry.receipts.registry).toEqual({
      file: 'it.stadiums.txt',
      line: 10,
      label: "Stadio Atleti Azzurri d'Italia in the venue registry",
    });

    const given = venueOnTheDay({
      name: 'Gewiss Stadium',
      competition: 'uefa.el',
      registry,
      dossier: exampleDossier(),
      capacity: 16000,
      awayAllocation: 800,
    });
    expect(given).toMatchObject({ capacity: 16000, capacityFrom: 'given', otherNames: [] });
    expect(given.crowd).toMatchObject({
      announcedAllocation: 800,
      announcedMinusRule: 0,
      homeFans: 15200,
      outnumberedAbout: 19,
    });
    expect(ruleSentence(given.crowd!, 'Liverpool FC')).toMatch(
      /^The 800 tickets announced by Liverpool FC match the rule/,
    );
  });

  it('has no crowd without a capacity, and no allocation for a competition without a rule or an announcement', () => {
    expect(
      venueOnTheDay({ name: 'Somewhere', competition: 'uefa.el', registry: null, dossier: null }).crowd,
    ).toBeNull();
    expect(
      venueOnTheDay({ name: 'Somewhere', competition: 'it.1', registry: null, dossier: null, capacity: 9000 }).crowd,
    ).toBeNull();
    expect(
      venueOnTheDay({
        name: 'Somewhere',
        competition: 'it.1',
        registry: null,
        dossier: null,
        capacity: 9000,
        awayAllocation: 900,
      }).crowd,
    ).toMatchObject({ rule: null, awayFans: 900, homeFans: 8100, outnumberedAbout: 9 });
  });
});
