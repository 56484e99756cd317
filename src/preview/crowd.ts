import { MatchdayError } from '../errors.js';
import type { Dossier } from './dossier.js';

/**
 * How many seats a competition's rules give the away club, as data: `shareOfCapacity` of the ground, optionally set
 * against a fixed number of seats (the club gets the lower or the higher of the two). Shares round up, because the
 * rules state a minimum entitlement ("at least 5%").
 */
export interface TicketingRule {
  id: string;
  /** matchday competition codes the rule applies to. */
  competitions: readonly string[];
  description: string;
  shareOfCapacity: number;
  fixedSeats: number | null;
  /** With fixedSeats: whether the away club gets the lower or the higher of share and fixed seats. */
  choose: 'lower' | 'higher';
}

export const TICKETING_RULES: readonly TicketingRule[] = [
  {
    id: 'uefa-club-competitions',
    competitions: ['uefa.cl', 'uefa.el', 'uefa.conf'],
    description: 'UEFA club competitions: at least 5% of the approved capacity',
    shareOfCapacity: 0.05,
    fixedSeats: null,
    choose: 'higher',
  },
  {
    id: 'premier-league',
    competitions: ['eng.1'],
    description: 'Premier League: 3,000 seats or 10% of capacity, whichever is lower',
    shareOfCapacity: 0.1,
    fixedSeats: 3000,
    choose: 'lower',
  },
];

export interface CrowdInput {
  /** matchday competition code, e.g. `uefa.el`. */
  competition: string;
  /** Seats available for this match. */
  capacity: number;
  normalCapacity?: number;
  /** The away allocation as announced, when known; otherwise the rule's allocation stands in for it. */
  announcedAllocation?: number;
  /** Seats the away club keeps for family, staff and sponsors, on top of the allocation. */
  awayClubSeats?: number;
}

export interface CrowdEstimate {
  competition: string;
  capacity: number;
  normalCapacity: number | null;
  /** normalCapacity − capacity when both are known and the ground is reduced. */
  seatsOutOfUse: number | null;
  rule: TicketingRule | null;
  ruleAllocation: number | null;
  announcedAllocation: number | null;
  /** announced − rule: negative when fewer tickets were announced than the rule gives for this capacity. */
  announcedMinusRule: number | null;
  /** The capacity at which the rule's share gives exactly the announced figure (750 at 5% → 15,000). */
  capacityImpliedByAnnouncement: number | null;
  awayClubSeats: number | null;
  /** Everyone in the away section: the allocation (announced, else by rule) plus the away club's own seats. */
  awayFans: number;
  awayFansFrom: 'announced' | 'rule';
  /** capacity − awayFans: every other seat is counted as a home fan's. */
  homeFans: number;
  /** homeFans / awayFans — how many home fans there are for each away fan. */
  homeFansPerAwayFan: number;
  /** homeFansPerAwayFan rounded to a whole number: "home fans outnumber away fans about N to one". */
  outnumberedAbout: number;
}

/** The rule for a competition code, if any. */
export function ticketingRuleFor(
  competition: string,
  rules: readonly TicketingRule[] = TICKETING_RULES,
): TicketingRule | undefined {
  return rules.find((rule) => rule.competitions.includes(competition));
}

/** Seats the rule gives the away club at this capacity. */
export function ruleAllocation(rule: TicketingRule, capacity: number): number {
  checkSeats(capacity, 'capacity');
  if (!(rule.shareOfCapacity > 0 && rule.shareOfCapacity <= 1)) {
    throw new MatchdayError('INVALID_ARGUMENT', `share of capacity must be in (0, 1], got ${rule.shareOfCapacity}`, {
      field: `rules.${rule.id}.shareOfCapacity`,
    });
  }
  // The epsilon keeps 5% of 16,000 at 800 whatever the binary representation of 0.05 does.
  const share = Math.ceil(rule.shareOfCapacity * capacity - 1e-9);
  if (rule.fixedSeats === null) return share;
  checkSeats(rule.fixedSeats, `rules.${rule.id}.fixedSeats`);
  return rule.choose === 'lower' ? Math.min(share, rule.fixedSeats) : Math.max(share, rule.fixedSeats);
}

/**
 * The matchday crowd: the rule's allocation, the away section, the home crowd and how heavily the away fans are
 * outnumbered. The ratio is home fans per away fan, (capacity − away) / away, not capacity / away: "outnumber" compares
 * the two groups, and capacity / away counts the away fans among the home fans (it is always exactly one more).
 */
export function estimateCrowd(input: CrowdInput, rules: readonly TicketingRule[] = TICKETING_RULES): CrowdEstimate {
  const { capacity } = input;
  checkSeats(capacity, 'capacity');
  if (input.normalCapacity !== undefined) checkSeats(input.normalCapacity, 'normalCapacity');
  if (input.announcedAllocation !== undefined) checkSeats(input.announcedAllocation, 'announcedAllocation');
  if (input.awayClubSeats !== undefined) checkSeats(input.awayClubSeats, 'awayClubSeats');

  const rule = ticketingRuleFor(input.competition, rules) ?? null;
  const byRule = rule ? ruleAllocation(rule, capacity) : null;
  const announced = input.announcedAllocation ?? null;
  const allocation = announced ?? byRule;
  if (allocation === null) {
    throw new MatchdayError(
      'NO_TICKETING_RULE',
      `no away allocation was announced and no ticketing rule covers ${input.competition}`,
      { field: 'competition' },
    );
  }
  const awayFans = allocation + (input.awayClubSeats ?? 0);
  if (awayFans >= capacity) {
    throw new MatchdayError(
      'INVALID_ARGUMENT',
      `away seats (${awayFans}) must be fewer than the capacity (${capacity})`,
      {
        field: 'announcedAllocation',
      },
    );
  }
  const homeFans = capacity - awayFans;
  const homeFansPerAwayFan = homeFans / awayFans;
  const normalCapacity = input.normalCapacity ?? null;
  return {
    competition: input.competition,
    capacity,
    normalCapacity,
    seatsOutOfUse: normalCapacity !== null && normalCapacity > capacity ? normalCapacity - capacity : null,
    rule,
    ruleAllocation: byRule,
    announcedAllocation: announced,
    announcedMinusRule: announced !== null && byRule !== null ? announced - byRule : null,
    capacityImpliedByAnnouncement:
      announced !== null && rule !== null && rule.fixedSeats === null
        ? Math.round(announced / rule.shareOfCapacity)
        : null,
    awayClubSeats: input.awayClubSeats ?? null,
    awayFans,
    awayFansFrom: announced !== null ? 'announced' : 'rule',
    homeFans,
    homeFansPerAwayFan,
    outnumberedAbout: Math.round(homeFansPerAwayFan),
  };
}

/** The crowd for a dossier's fixture, or null when the dossier gives no capacity for the day. */
export function crowdFromDossier(
  dossier: Dossier,
  rules: readonly TicketingRule[] = TICKETING_RULES,
): CrowdEstimate | null {
  const venue = dossier.venue;
  if (venue?.capacity === undefined) return null;
  return estimateCrowd(
    {
      competition: dossier.fixture.competition,
      capacity: venue.capacity,
      ...(venue.normalCapacity !== undefined && { normalCapacity: venue.normalCapacity }),
      ...(dossier.ticketing?.awayAllocation !== undefined && { announcedAllocation: dossier.ticketing.awayAllocation }),
      ...(dossier.ticketing?.awayClubShare !== undefined && { awayClubSeats: dossier.ticketing.awayClubShare }),
    },
    rules,
  );
}

export interface GroundCapacity {
  team: string;
  capacity: number;
}

/** Where one team's ground stands among others: rank 1 is the smallest (or the largest), equal capacities share a rank. */
export interface CapacityRank {
  team: string;
  capacity: number;
  /** 1 + grounds strictly smaller. */
  rankFromSmallest: number;
  /** 1 + grounds strictly larger. */
  rankFromLargest: number;
  /** How many grounds were compared, this one included. */
  of: number;
  /** Other teams whose grounds hold exactly as many: "joint smallest". */
  tiedWith: string[];
}

/** Ranks `team`'s ground among `grounds` (which must include it), e.g. "the smallest capacity of the final eight". */
export function rankCapacity(team: string, grounds: readonly GroundCapacity[]): CapacityRank {
  grounds.forEach((ground, i) => checkSeats(ground.capacity, `grounds.${i}.capacity`));
  const own = grounds.filter((ground) => ground.team === team);
  if (own.length !== 1) {
    throw new MatchdayError(
      'INVALID_ARGUMENT',
      own.length === 0 ? 'the team is not among the grounds' : 'the team is listed more than once',
      { field: 'grounds', team },
    );
  }
  const { capacity } = own[0];
  const others = grounds.filter((ground) => ground.team !== team);
  return {
    team,
    capacity,
    rankFromSmallest: 1 + others.filter((ground) => ground.capacity < capacity).length,
    rankFromLargest: 1 + others.filter((ground) => ground.capacity > capacity).length,
    of: grounds.length,
    tiedWith: others.filter((ground) => ground.capacity === capacity).map((ground) => ground.team),
  };
}

function checkSeats(value: number, field: string): void {
  if (!(Number.isInteger(value) && value > 0)) {
    throw new MatchdayError('INVALID_ARGUMENT', `${field} must be a whole number of seats above 0, got ${value}`, {
      field,
    });
  }
}
