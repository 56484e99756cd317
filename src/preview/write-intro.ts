import type { Paragraph, Sentence } from './preview-document.js';
import type { WriteContext } from './write-context.js';
import { dateBefore, numberWord, venueInSentence, weekday } from './write-english.js';
import { roundPhrase } from './write-results.js';

/**
 * The standfirst: for a second leg, where the tie stands and what the trailing side needs, written from the first
 * leg (a stored match, or the dossier's score when the database does not have it). Other fixtures get no
 * standfirst: the sections say everything there is.
 */
export interface IntroInput {
  /** Fact id of the first leg, already cited by the composer. */
  firstLegFactId: string;
  firstLeg: { date: string; goals: { home: number; away: number } };
  competitionName: string;
  round: string | null;
  /** The venue's name and fact id, when the dossier or registry gives it. */
  venue: { name: string; factId: string } | null;
  /** What the trailing side needs, from the tie's rules (e.g. "Liverpool need to win by 3 to force extra time, …"). */
  needs: string | null;
}

export function writeIntro(ctx: WriteContext, input: IntroInput): Paragraph[] {
  const { goals } = input.firstLeg;
  const home = ctx.home.name;
  const away = ctx.away.name;
  const stage = input.round ? `${input.competitionName} ${roundPhrase(input.round)}` : `${input.competitionName} tie`;
  const day = weekday(ctx.fixtureDate);
  const first = [input.firstLegFactId];
  const withVenue = input.venue ? [...first, input.venue.factId] : first;
  const sentences: Sentence[] = [];

  if (goals.home === goals.away) {
    sentences.push({
      text: `${home} and ${away} go into the second leg of their ${stage} level at ${goals.home}-${goals.away}${input.venue ? `, with ${venueInSentence(input.venue.name)} the stage on ${day}` : ` on ${day}`}.`,
      factIds: withVenue,
    });
    sentences.push({
      text: `The first leg at ${away} on ${dateBefore(input.firstLeg.date, ctx.fixtureDate)} ended all square.`,
      factIds: first,
    });
  } else {
    const homeLeads = goals.home > goals.away;
    const leader = homeLeads ? home : away;
    const trailer = homeLeads ? away : home;
    const deficit = Math.abs(goals.home - goals.away);
    const gap = deficit === 1 ? 'a one-goal' : `a ${numberWord(deficit)}-goal`;
    // The first leg was at the away side's ground; the trailing side is away tonight when the home side leads.
    const visit = homeLeads
      ? `visit ${input.venue ? venueInSentence(input.venue.name) : home} for the second leg of their ${stage}${input.venue ? ` with ${home}` : ''}`
      : `host ${away}${input.venue ? ` at ${venueInSentence(input.venue.name)}` : ''} in the second leg of their ${stage}`;
    sentences.push({
      text: ctx.pick([
        `${trailer} have ${gap} deficit to overturn when they ${visit} on ${day}.`,
        `${trailer} need a comeback when they ${visit} on ${day}, trailing by ${deficit === 1 ? 'a goal' : `${numberWord(deficit)} goals`}.`,
      ]),
      factIds: withVenue,
    });
    const [winnerGoals, loserGoals] = [Math.max(goals.home, goals.away), Math.min(goals.home, goals.away)];
    const where = homeLeads ? `at ${away}` : 'at home';
    sentences.push({
      text: ctx.pick([
        `${leader} won the first leg ${winnerGoals}-${loserGoals} ${where} on ${dateBefore(input.firstLeg.date, ctx.fixtureDate)}.`,
        `The first leg, ${where === 'at home' ? `at ${away}` : where} on ${dateBefore(input.firstLeg.date, ctx.fixtureDate)}, went ${winnerGoals}-${loserGoals} to ${leader}.`,
      ]),
      factIds: first,
    });
  }
  if (input.needs) sentences.push({ text: input.needs, factIds: first });
  return [{ kind: 'text', sentences }];
}
