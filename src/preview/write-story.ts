import type { StoredMatchView } from '../store/match-queries.js';
import type { LineRace } from '../history/table-race.js';
import type { RunFact } from '../insights/facts.js';
import type { PreviousRound, StoryStanding, TeamStory } from './prepare-story.js';
import type { Paragraph, Sentence } from './preview-document.js';
import type { WriteContext } from './write-context.js';
import {
  capitalise,
  competitionInSentence,
  counted,
  dateBefore,
  durationPhrase,
  listJoin,
  numberWord,
  onDay,
  ordinalWord,
  plural,
  possessive,
  scoreline,
  venueInSentence,
  weekday,
} from './write-english.js';
import type { FirstLegScore } from './write-forecast-input.js';
import { roundPhrase } from './write-results.js';
import { coveredSince, factScopeAdjective } from './write-scope.js';

/**
 * The story's opening: a standfirst from the most newsworthy angles — where the tie stands, how each side's last
 * match went when that is news (a lead thrown away, a comeback, a defeat) — and a lead paragraph with what is at
 * stake: each side's place in its league table on the day, the round it came through and the round that awaits.
 * An angle the data does not have (no table for a team whose league is not held, no previous round) is left out.
 */
export interface StoryInput {
  firstLeg: FirstLegScore | null;
  leg: 1 | 2 | null;
  competitionName: string;
  round: string | null;
  venue: { name: string; factId: string } | null;
  teams: { home: TeamStory | null; away: TeamStory | null };
  /** Each side's last match before the fixture, when the history has one. */
  lastMatches: { home: StoredMatchView | null; away: StoredMatchView | null };
  /** The runs each side's last match ended ("their first home league defeat in nearly 18 months"). */
  endedRuns: { home: readonly RunFact[]; away: readonly RunFact[] };
  nextRound: { round: string; opponents: string[]; factId: string } | null;
  /** Each side's manager from the dossier, cited when named: "Jurgen Klopp's Liverpool". */
  managers: { home: Manager | null; away: Manager | null };
}

export interface Manager {
  name: string;
  cite: () => string;
}

export interface Story {
  standfirst: Paragraph[];
  lead: Paragraph[];
  /** The facts the story has stated, which the rest of the preview does not state again. */
  told: RunFact[];
}

type Side = 'home' | 'away';

export function writeStory(ctx: WriteContext, input: StoryInput): Story {
  const standfirst: Sentence[] = [];
  const lead: Sentence[] = [];
  const sides: Side[] = ['home', 'away'];
  const named = (side: Side) => (side === 'home' ? ctx.home.name : ctx.away.name);
  // A side's last match is told in the standfirst when it is news; the table sentence then follows on from it.
  const told = new Map<Side, LastResult>();

  const tie = input.firstLeg && input.leg !== 1 ? input.firstLeg : null;
  if (tie) {
    standfirst.push(tieOpening(ctx, input, tie));
    const { home, away } = tie.goals;
    const leader: Side | null = home > away ? 'home' : away > home ? 'away' : null;
    const last = leader ? newsworthyLast(ctx, input, leader, tie) : null;
    standfirst.push(firstLegSentence(ctx, tie, leader, last));
    if (leader && last) told.set(leader, last);
  } else {
    standfirst.push(fixtureOpening(ctx, input));
  }
  for (const side of sides) {
    if (told.has(side)) continue;
    const last = newsworthyLast(ctx, input, side, tie);
    if (!last) continue;
    told.set(side, last);
    const meanwhile = standfirst.length > 1 ? ', meanwhile,' : '';
    const stakes = titleStakes(input.teams[side]?.standing ?? null, last);
    const ended = last.endedRun ? `, ${last.endedRun.phrase}` : '';
    standfirst.push({
      text: `${named(side)}${meanwhile} ${last.phrase} ${onDay(last.match.date, ctx.fixtureDate)}${ended}${stakes}.`,
      factIds: [...lastFactIds(last), ...(stakes ? [tableFactId(ctx, side, input.teams[side]!.standing!)] : [])],
    });
  }

  // The side the standfirst ended on comes first, so that "that defeat" follows on from it.
  const lastTold = [...told.keys()].at(-1);
  for (const side of lastTold === 'away' ? (['away', 'home'] as const) : sides) {
    const standing = input.teams[side]?.standing;
    const last = side === lastTold ? told.get(side)! : null;
    // "That defeat left them …" only when that defeat was a league match.
    const followsOn = last && last.match.competition.kind === 'league' ? last : null;
    if (standing) lead.push(standingSentence(ctx, side, standing, followsOn));
  }
  lead.push(...previousRoundSentences(ctx, input));
  if (input.nextRound) {
    const next = input.nextRound;
    lead.push({
      text: `The winners will face ${listJoin(next.opponents, 'or')} in the ${next.round.toLowerCase()}.`,
      factIds: [next.factId],
    });
  }
  return {
    standfirst: [{ kind: 'text', sentences: standfirst }],
    lead: lead.length > 0 ? [{ kind: 'text', sentences: lead }] : [],
    told: [...told.values()].flatMap((last) => (last.endedRun ? [last.endedRun.fact] : [])),
  };
}

function stageOf(input: StoryInput): string {
  return input.round ? `${input.competitionName} ${roundPhrase(input.round)}` : `${input.competitionName} tie`;
}

/** "Liverpool have a three-goal deficit to overturn when they visit the Gewiss Stadium for the second leg …". */
function tieOpening(ctx: WriteContext, input: StoryInput, firstLeg: FirstLegScore): Sentence {
  const { home: homeGoals, away: awayGoals } = firstLeg.goals;
  const home = ctx.home.name;
  const away = ctx.away.name;
  const stage = stageOf(input);
  const day = weekday(ctx.fixtureDate);
  const factIds: string[] = input.venue ? [firstLeg.factId, input.venue.factId] : [firstLeg.factId];
  if (homeGoals === awayGoals) {
    const where = input.venue ? `, with ${venueInSentence(input.venue.name)} the stage on ${day}` : ` on ${day}`;
    return {
      text: `${home} and ${away} go into the second leg of their ${stage} level at ${scoreline(homeGoals, awayGoals)}${where}.`,
      factIds,
    };
  }
  const homeLeads = homeGoals > awayGoals;
  const trailing = input.managers[homeLeads ? 'away' : 'home'];
  // The story opens on the side with the mountain to climb, named with its manager when the dossier gives him.
  const trailer = trailing ? `${possessive(trailing.name)} ${homeLeads ? away : home}` : homeLeads ? away : home;
  if (trailing) factIds.push(trailing.cite());
  const deficit = Math.abs(homeGoals - awayGoals);
  const gap = deficit === 1 ? 'a one-goal' : `a ${numberWord(deficit)}-goal`;
  // The first leg was at the away side's ground; the trailing side is away tonight when the home side leads.
  const visit = homeLeads
    ? `visit ${input.venue ? venueInSentence(input.venue.name) : home} for the second leg of their ${stage}${input.venue ? ` with ${home}` : ''}`
    : `host ${away}${input.venue ? ` at ${venueInSentence(input.venue.name)}` : ''} in the second leg of their ${stage}`;
  return {
    text: ctx.pick([
      `${trailer} have ${gap} deficit to overturn when they ${visit} on ${day}.`,
      `${trailer} need a comeback when they ${visit} on ${day}, trailing by ${deficit === 1 ? 'a goal' : `${numberWord(deficit)} goals`}.`,
    ]),
    factIds,
  };
}

/** "Atalanta won the first leg 3-0 at Liverpool on 11 April, but let a 2-0 half-time lead slip …". */
function firstLegSentence(
  ctx: WriteContext,
  firstLeg: FirstLegScore,
  leader: Side | null,
  last: LastResult | null,
): Sentence {
  const { home, away } = firstLeg.goals;
  const when = `on ${dateBefore(firstLeg.date, ctx.fixtureDate)}`;
  if (!leader) {
    return { text: `The first leg at ${ctx.away.name} ${when} ended all square.`, factIds: [firstLeg.factId] };
  }
  const name = leader === 'home' ? ctx.home.name : ctx.away.name;
  const where = leader === 'home' ? `at ${ctx.away.name}` : 'at home';
  const won = `${name} won the first leg ${scoreline(Math.max(home, away), Math.min(home, away))} ${where} ${when}`;
  if (!last) return { text: `${won}.`, factIds: [firstLeg.factId] };
  const joint = last.outcome === 'W' ? ', and since then' : ', but';
  const ended = last.endedRun ? `, ${last.endedRun.phrase}` : '';
  return {
    text: `${won}${joint} ${last.phrase} ${onDay(last.match.date, ctx.fixtureDate)}${ended}.`,
    factIds: [firstLeg.factId, ...lastFactIds(last)],
  };
}

/** "Atalanta host Lazio at the Gewiss Stadium in Serie A on Sunday." */
function fixtureOpening(ctx: WriteContext, input: StoryInput): Sentence {
  const at = input.venue ? ` at ${venueInSentence(input.venue.name)}` : '';
  const what =
    input.leg === 1
      ? `in the first leg of their ${stageOf(input)}`
      : input.round
        ? `in the ${roundPhrase(input.round)} of ${competitionInSentence(input.competitionName)}`
        : `in ${competitionInSentence(input.competitionName)}`;
  return {
    text: `${ctx.home.name} host ${ctx.away.name}${at} ${what} on ${weekday(ctx.fixtureDate)}.`,
    factIds: input.venue ? [input.venue.factId] : [],
  };
}

// ── the last result ─────────────────────────────────────────────────────────────────────────────────────────────

interface LastResult {
  match: StoredMatchView;
  outcome: 'W' | 'D' | 'L';
  /** A verb phrase: "let a 2-0 half-time lead slip in a 2-2 home draw with Hellas Verona". */
  phrase: string;
  factId: string;
  /** The run the match ended, when the data covers it back to its start: "their first home league defeat in …". */
  endedRun: { fact: RunFact; phrase: string; factId: string } | null;
}

function lastFactIds(last: LastResult): string[] {
  return last.endedRun ? [last.factId, last.endedRun.factId] : [last.factId];
}

/** A big win is news; so is any defeat, and a lead thrown away or a deficit overturned. */
const BIG_WIN = 3;

/**
 * A side's last match when it is news, as a verb phrase. The first leg of this tie is never "the last result":
 * the standfirst has told it already.
 */
function newsworthyLast(
  ctx: WriteContext,
  input: StoryInput,
  side: Side,
  firstLeg: FirstLegScore | null,
): LastResult | null {
  const match = input.lastMatches[side];
  const teamId = side === 'home' ? ctx.home.teamId : ctx.away.teamId;
  if (!match || teamId === null || !match.score.ft) return null;
  const opponentId = match.home.id === teamId ? match.away.id : match.home.id;
  const otherSide = side === 'home' ? ctx.away.teamId : ctx.home.teamId;
  if (firstLeg && opponentId === otherSide && match.date === firstLeg.date) return null;
  const result = lastResult(match, teamId);
  const run = input.endedRuns[side]
    .filter((f) => f.endedBy?.matchId === match.id)
    .map((fact) => ({ fact, phrase: endedRunPhrase(fact) }))
    .find((r) => r.phrase !== null);
  // A run ended is news even when the result alone is not: the first win in three months.
  if (!result.news && !run) return null;
  return {
    match,
    outcome: result.outcome,
    phrase: result.phrase,
    factId: ctx.citeOther(`match-${match.id}`, 'last match', { matchIds: [match.id] }),
    endedRun: run ? { fact: run.fact, phrase: run.phrase!, factId: ctx.cite(run.fact) } : null,
  };
}

/**
 * "their first home league defeat in nearly 18 months": an unbeaten run or a run without a win that the match
 * ended, said only when the match before the run lies where the data holds every match of the team.
 */
function endedRunPhrase(f: RunFact): string | null {
  if (f.ongoing || !f.precededBy || f.daysSincePrecededBy === null || !coveredSince(f, f.precededBy.date)) return null;
  const what = f.run === 'unbeaten' ? 'defeat' : f.run === 'winless' ? 'win' : null;
  if (!what) return null;
  return `their first ${factScopeAdjective(f)}${what} in ${durationPhrase(f.daysSincePrecededBy)}`;
}

/** How a match went for a team, from its 90-minute and half-time scores, and whether that is news. */
export function lastResult(
  match: Pick<StoredMatchView, 'home' | 'away' | 'neutral' | 'score'>,
  teamId: number,
): { outcome: 'W' | 'D' | 'L'; phrase: string; news: boolean } {
  const isHome = match.home.id === teamId;
  const opponent = isHome ? match.away.name : match.home.name;
  const [own, other] = orient(match.score.et ?? match.score.ft!, isHome);
  const ht = match.score.ht ? orient(match.score.ht, isHome) : null;
  const where = match.neutral ? '' : isHome ? ' at home' : ' away';
  const outcome = own > other ? 'W' : own < other ? 'L' : 'D';
  const score = scoreline(Math.max(own, other), Math.min(own, other));
  const htScore = ht ? scoreline(Math.max(ht[0], ht[1]), Math.min(ht[0], ht[1])) : '';
  const ledAtHalfTime = ht !== null && ht[0] > ht[1];
  const trailedAtHalfTime = ht !== null && ht[0] < ht[1];
  const drawWith = `a ${score}${match.neutral ? '' : isHome ? ' home' : ' away'} draw with ${opponent}`;
  if (outcome === 'D' && ledAtHalfTime) {
    return { outcome, phrase: `let a ${htScore} half-time lead slip in ${drawWith}`, news: true };
  }
  if (outcome === 'L' && ledAtHalfTime) {
    const to = isHome ? `at home to ${opponent}` : `at ${opponent}`;
    return { outcome, phrase: `lost ${score} ${to} after leading ${htScore} at half-time`, news: true };
  }
  if (outcome === 'W' && trailedAtHalfTime) {
    return {
      outcome,
      phrase: `came from ${htScore} down at half-time to beat ${opponent} ${score}${where}`,
      news: true,
    };
  }
  if (outcome === 'L') {
    const to = match.neutral ? `to ${opponent}` : isHome ? `at home to ${opponent}` : `at ${opponent}`;
    return { outcome, phrase: `lost ${score} ${to}`, news: true };
  }
  if (outcome === 'W') {
    const at = match.neutral ? '' : isHome ? ' at home' : ` at ${opponent}`;
    const phrase = match.neutral || isHome ? `beat ${opponent} ${score}${at}` : `won ${score}${at}`;
    return { outcome, phrase, news: own - other >= BIG_WIN };
  }
  return { outcome, phrase: `drew ${score} with ${opponent}${where}`, news: false };
}

function orient(score: readonly [number, number], isHome: boolean): [number, number] {
  return isHome ? [score[0], score[1]] : [score[1], score[0]];
}

// ── the table ───────────────────────────────────────────────────────────────────────────────────────────────────

/** The title race: a side within two wins of the top (or leading by no more) with no more than this left. */
const TITLE_RACE_MATCHES_LEFT = 12;

function inTitleRace(s: StoryStanding): boolean {
  const top = s.table[0];
  const own = s.table[s.position - 1];
  const gap = s.position === 1 ? own.points - s.table[1].points : top.points - own.points;
  return s.matchesLeft <= TITLE_RACE_MATCHES_LEFT && gap <= 2 * s.pointsForWin;
}

/**
 * ", a blow to their title hopes": what the last result means for a side in the title race, to follow the result
 * and the run it ended ("their first home league defeat in … and a blow to their title hopes").
 */
function titleStakes(s: StoryStanding | null, last: LastResult): string {
  // Only a league result moves the table: a European defeat is no blow to anyone's title hopes.
  if (!s || !inTitleRace(s) || last.match.competition.kind !== 'league') return '';
  if (last.outcome === 'W') return ', keeping them in the title race';
  return `${last.endedRun ? ' and' : ','} a blow to their title hopes`;
}

function tableFactId(ctx: WriteContext, side: Side, s: StoryStanding): string {
  return ctx.citeOther(`table-${side}`, 'league table', { matchIds: s.matchIds });
}

/**
 * "That defeat left Liverpool third in the Premier League on 71 points after 32 games, level with Arsenal and two
 * points behind leaders Manchester City, with six games left."
 */
function standingSentence(ctx: WriteContext, side: Side, s: StoryStanding, last: LastResult | null): Sentence {
  const team = side === 'home' ? ctx.home.name : ctx.away.name;
  const own = s.table[s.position - 1];
  const place = `${ordinalWord(s.position)} in ${competitionInSentence(s.competition)} on ${counted(own.points, 'point')} after ${counted(own.played, 'game')}`;
  const level = s.table.filter((r) => r.teamId !== own.teamId && r.points === own.points).map((r) => r.teamId);
  const race = raceClause(ctx, s);
  const relation: string[] = [];
  if (s.position === 1) {
    const second = s.table[1];
    const lead = own.points - second.points;
    if (lead > 0) relation.push(`${pointsWord(lead)} clear of ${ctx.teamName(second.teamId)}`);
  } else {
    const top = s.table[0];
    const behind = top.points - own.points;
    const levelNames = level.filter((id) => id !== top.teamId).map((id) => ctx.teamName(id));
    if (levelNames.length > 0 && levelNames.length <= 2) relation.push(`level with ${listJoin(levelNames)}`);
    if (behind === 0) relation.push(`level on points with leaders ${ctx.teamName(top.teamId)}`);
    else if (behind <= 3 * s.pointsForWin)
      relation.push(`${pointsWord(behind)} behind leaders ${ctx.teamName(top.teamId)}`);
    else {
      const above = [...s.table.slice(0, s.position - 1)].reverse().find((r) => r.points > own.points);
      const gap = above ? above.points - own.points : 0;
      // "Five points behind 17th-placed Forest" says no more than "five points from safety" after it.
      const saidByRace = race?.line && !race.line.above && race.line.rivalId === above?.teamId;
      if (above && gap <= 2 * s.pointsForWin && !saidByRace) {
        const abovePlace = s.table.indexOf(above) + 1;
        relation.push(`${pointsWord(gap)} behind ${ordinalWord(abovePlace)}-placed ${ctx.teamName(above.teamId)}`);
      }
    }
  }
  const left = `with ${counted(s.matchesLeft, 'game')} left`;
  const tail = [...(relation.length > 0 ? [listJoin(relation)] : []), left].join(', ') + (race ? `; ${race.text}` : '');
  const tableId = tableFactId(ctx, side, s);
  if (last) {
    const what = last.outcome === 'W' ? 'win' : last.outcome === 'D' ? 'draw' : 'defeat';
    return { text: `That ${what} left ${team} ${place}, ${tail}.`, factIds: [last.factId, tableId] };
  }
  return { text: `${team} are ${place}, ${tail}.`, factIds: [tableId] };
}

/**
 * What is at stake in the table, when it is close or settled: "the title is no longer in their own hands", "they
 * are two points above the relegation places". In a lower tier the promotion line comes first; then the title for
 * a side in the title race; then the relegation line — a line when the side is within two wins of it or over it for
 * good. Null when nothing is at stake that the registry's format can say (European places vary by season and are
 * not in it); `line` is the line the clause is about.
 */
/** What the title race says of a side in it; out of reach is no news for a side still in the race. */
const TITLE_CLAUSES: Record<NonNullable<StoryStanding['race']['title']>, string | null> = {
  won: 'they are already champions',
  'in-own-hands': 'the title is in their own hands',
  'out-of-own-hands': 'the title is no longer in their own hands',
  'out-of-reach': null,
};

function raceClause(ctx: WriteContext, s: StoryStanding): { text: string; line: LineRace | null } | null {
  const { title, promotion, relegation } = s.race;
  // Close to the line, or over it for good on the side that is news (promoted, relegated).
  const close = (line: LineRace) => line.gap <= 2 * s.pointsForWin;
  if (promotion && (close(promotion) || (promotion.settled && promotion.above))) {
    return { text: lineClause(ctx, promotion, 'promotion'), line: promotion };
  }
  const titleText = title && inTitleRace(s) ? TITLE_CLAUSES[title] : null;
  if (titleText) return { text: titleText, line: null };
  if (relegation && (close(relegation) || (relegation.settled && !relegation.above))) {
    return { text: lineClause(ctx, relegation, 'relegation'), line: relegation };
  }
  return null;
}

function lineClause(ctx: WriteContext, line: LineRace, kind: 'promotion' | 'relegation'): string {
  // Next to a play-off, the line is the automatic one: "the automatic promotion places".
  const places = `the ${line.playoffs ? 'automatic ' : ''}${kind} places`;
  if (kind === 'promotion') {
    if (line.settled) return line.above ? 'they are already promoted' : `they can no longer reach ${places}`;
    if (line.above) {
      const rival = `${ordinalWord(line.places + 1)}-placed ${ctx.teamName(line.rivalId)}`;
      return line.gap > 0
        ? `they are in ${places}, ${pointsWord(line.gap)} clear of ${rival}`
        : `they are in ${places} on goal difference from ${rival}`;
    }
    return line.gap > 0
      ? `they are ${pointsWord(line.gap)} off ${places}`
      : `they are out of ${places} only on goal difference`;
  }
  if (line.settled) return line.above ? `they are safe from relegation` : 'they are already relegated';
  if (line.above) {
    return line.gap > 0
      ? `they are ${pointsWord(line.gap)} above ${places}`
      : `they are above ${places} only on goal difference`;
  }
  return line.gap > 0
    ? `they are in ${places}, ${pointsWord(line.gap)} from safety`
    : `they are in ${places} on goal difference`;
}

function pointsWord(n: number): string {
  return `${numberWord(n)} ${plural(n, 'point')}`;
}

// ── the road here ───────────────────────────────────────────────────────────────────────────────────────────────

/** "Atalanta knocked out Sporting CP 3-2 on aggregate in the round of 16; Liverpool beat AC Sparta Praha 11-2." */
function previousRoundSentences(ctx: WriteContext, input: StoryInput): Sentence[] {
  const rounds = (['home', 'away'] as const)
    .map((side) => ({ side, round: input.teams[side]?.previousRound ?? null }))
    .filter((r): r is { side: Side; round: PreviousRound } => r.round !== null);
  if (rounds.length === 0) return [];
  const clause = (side: Side, r: PreviousRound, first: boolean) => {
    const team = side === 'home' ? ctx.home.name : ctx.away.name;
    const opponent = ctx.teamName(r.opponentId);
    const score = scoreline(r.goalsFor, r.goalsAgainst);
    const how =
      r.decidedBy === 'penalties'
        ? `on penalties after a ${score} aggregate`
        : r.decidedBy === 'away-goals'
          ? `on away goals after a ${score} aggregate`
          : r.decidedBy === 'extra-time'
            ? `${score} on aggregate after extra time`
            : `${score} on aggregate`;
    const round = r.round && first ? ` in the ${roundPhrase(r.round)}` : '';
    return `${team} ${first ? 'knocked out' : 'saw off'} ${opponent} ${how}${round}`;
  };
  const factIds = rounds.map((r) =>
    ctx.citeOther(`previous-round-${r.side}`, 'previous round', { matchIds: r.round.matchIds }),
  );
  const sameRound = rounds.length === 2 && rounds[0].round.round === rounds[1].round.round;
  const text = rounds.map((r, i) => clause(r.side, r.round, i === 0 || !sameRound)).join(', while ');
  return [{ text: `${capitalise(text)}.`, factIds }];
}
