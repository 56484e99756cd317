import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import {
  crowdFromDossier,
  estimateCrowd,
  rankCapacity,
  ruleAllocation,
  TICKETING_RULES,
  ticketingRuleFor,
  type TicketingRule,
} from '../../src/preview/crowd.js';
import { parseDossier } from '../../src/preview/dossier.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/atalanta-liverpool-2024-04-18.dossier.yaml');

function uefa(): TicketingRule {
  const rule = ticketingRuleFor('uefa.el');
  if (!rule) throw new Error('no UEFA rule');
  return rule;
}

describe('ticketing rules', () => {
  it('covers all three UEFA club competitions with one rule and the Premier League with another', () => {
    expect(ticketingRuleFor('uefa.cl')?.id).toBe('uefa-club-competitions');
    expect(ticketingRuleFor('uefa.conf')?.id).toBe('uefa-club-competitions');
    expect(ticketingRuleFor('eng.1')?.id).toBe('premier-league');
    expect(ticketingRuleFor('it.1')).toBeUndefined();
  });

  it('gives UEFA away clubs at least 5% of capacity, rounding up', () => {
    expect(ruleAllocation(uefa(), 16000)).toBe(800);
    expect(ruleAllocation(uefa(), 15000)).toBe(750);
    expect(ruleAllocation(uefa(), 16001)).toBe(801);
  });

  it('gives Premier League away clubs 3,000 or 10%, whichever is lower', () => {
    const pl = ticketingRuleFor('eng.1')!;
    expect(ruleAllocation(pl, 11000)).toBe(1100);
    expect(ruleAllocation(pl, 30000)).toBe(3000);
    expect(ruleAllocation(pl, 60000)).toBe(3000);
  });

  it('takes rules as data: a configured domestic rule applies without code changes', () => {
    const rules: TicketingRule[] = [
      ...TICKETING_RULES,
      {
        id: 'made-up-ligue-1',
        competitions: ['fr.1'],
        description: 'test rule: 3% or 1,000 seats, whichever is higher',
        shareOfCapacity: 0.03,
        fixedSeats: 1000,
        choose: 'higher',
      },
    ];
    expect(estimateCrowd({ competition: 'fr.1', capacity: 20000 }, rules).awayFans).toBe(1000);
    expect(estimateCrowd({ competition: 'fr.1', capacity: 50000 }, rules).awayFans).toBe(1500);
  });

  it('rejects a share outside (0, 1]', () => {
    expect(() => ruleAllocation({ ...uefa(), shareOfCapacity: 5 }, 16000)).toThrow(/share of capacity/);
  });
});

describe('estimateCrowd', () => {
  it('Bergamo, 16,000 v 750: home fans are 15,250, about 20 to one — not the 21.3 of capacity / away', () => {
    const crowd = estimateCrowd({
      competition: 'uefa.el',
      capacity: 16000,
      normalCapacity: 21000,
      announcedAllocation: 750,
    });
    expect(crowd.ruleAllocation).toBe(800);
    expect(crowd.awayFans).toBe(750);
    expect(crowd.awayFansFrom).toBe('announced');
    expect(crowd.homeFans).toBe(15250);
    expect(crowd.homeFansPerAwayFan).toBeCloseTo(15250 / 750, 12);
    expect(crowd.outnumberedAbout).toBe(20);
    // capacity / away would be exactly one more: the definition this module rejects.
    expect(16000 / 750 - crowd.homeFansPerAwayFan).toBeCloseTo(1, 12);
    expect(crowd.seatsOutOfUse).toBe(5000);
  });

  it('notes that the announced figure is 50 below the rule, and the capacity the figure implies', () => {
    const crowd = estimateCrowd({ competition: 'uefa.el', capacity: 16000, announcedAllocation: 750 });
    expect(crowd.announcedMinusRule).toBe(-50);
    expect(crowd.capacityImpliedByAnnouncement).toBe(15000);
  });

  it("adds the away club's own seats to the away section", () => {
    const crowd = estimateCrowd({
      competition: 'uefa.el',
      capacity: 16000,
      announcedAllocation: 750,
      awayClubSeats: 50,
    });
    expect(crowd.awayFans).toBe(800);
    expect(crowd.homeFans).toBe(15200);
    expect(crowd.outnumberedAbout).toBe(19);
  });

  it('falls back to the rule when nothing was announced', () => {
    const crowd = estimateCrowd({ competition: 'uefa.cl', capacity: 40000 });
    expect(crowd).toMatchObject({
      awayFans: 2000,
      awayFansFrom: 'rule',
      announcedAllocation: null,
      announcedMinusRule: null,
      homeFans: 38000,
      outnumberedAbout: 19,
    });
  });

  it('works from an announced figure alone where no rule applies', () => {
    const crowd = estimateCrowd({ competition: 'it.1', capacity: 10000, announcedAllocation: 1000 });
    expect(crowd.rule).toBeNull();
    expect(crowd.ruleAllocation).toBeNull();
    expect(crowd.capacityImpliedByAnnouncement).toBeNull();
    expect(crowd.outnumberedAbout).toBe(9);
  });

  it('refuses to guess without a rule or an announced figure', () => {
    expect(() => estimateCrowd({ competition: 'it.1', capacity: 10000 })).toThrow(
      expect.objectContaining({ code: 'NO_TICKETING_RULE' }),
    );
  });

  it('rejects impossible seat counts instead of producing NaN', () => {
    const bad = [
      { competition: 'uefa.el', capacity: 0 },
      { competition: 'uefa.el', capacity: Number.NaN },
      { competition: 'uefa.el', capacity: 16000.5 },
      { competition: 'uefa.el', capacity: 16000, announcedAllocation: -1 },
      { competition: 'uefa.el', capacity: 700, announcedAllocation: 700 },
    ];
    for (const input of bad) expect(() => estimateCrowd(input)).toThrow(MatchdayError);
  });
});

describe('crowdFromDossier', () => {
  it('reads capacity, allocation and competition from the shipped example', () => {
    const dossier = parseDossier(readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
    const crowd = crowdFromDossier(dossier);
    expect(crowd).toMatchObject({ capacity: 16000, normalCapacity: 21000, ruleAllocation: 800, awayFans: 750 });
    expect(crowd?.outnumberedAbout).toBe(20);
  });

  it('is null when the dossier gives no capacity', () => {
    const dossier = parseDossier(
      'fixture: { home: A, away: B, date: 2024-04-18, competition: uefa.el }\nvenue: { name: Somewhere }\n',
      'x.yaml',
    );
    expect(crowdFromDossier(dossier)).toBeNull();
  });
});

describe('rankCapacity', () => {
  const grounds = [
    { team: 'Atalanta', capacity: 16000 },
    { team: 'Liverpool', capacity: 61000 },
    { team: 'Marseille', capacity: 67000 },
    { team: 'Benfica', capacity: 64000 },
    { team: 'Roma', capacity: 70000 },
    { team: 'Milan', capacity: 75000 },
    { team: 'Leverkusen', capacity: 30000 },
    { team: 'West Ham', capacity: 62500 },
  ];

  it('finds the smallest ground of the final eight', () => {
    expect(rankCapacity('Atalanta', grounds)).toEqual({
      team: 'Atalanta',
      capacity: 16000,
      rankFromSmallest: 1,
      rankFromLargest: 8,
      of: 8,
      tiedWith: [],
    });
    expect(rankCapacity('Milan', grounds)).toMatchObject({ rankFromSmallest: 8, rankFromLargest: 1 });
  });

  it('shares a rank between equal capacities', () => {
    const tied = [...grounds, { team: 'Twin', capacity: 16000 }];
    expect(rankCapacity('Atalanta', tied)).toMatchObject({ rankFromSmallest: 1, tiedWith: ['Twin'], of: 9 });
    expect(rankCapacity('Leverkusen', tied).rankFromSmallest).toBe(3);
  });

  it('needs the team among the grounds exactly once', () => {
    expect(() => rankCapacity('Napoli', grounds)).toThrow(/not among/);
    expect(() => rankCapacity('Roma', [...grounds, { team: 'Roma', capacity: 1 }])).toThrow(/more than once/);
  });
});
