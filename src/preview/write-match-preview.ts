import type {
  AwayStartFact,
  ComebackRecordFact,
  EveryGameThisSeasonFact,
  Fact,
  FirstMeetingFact,
  FormFact,
  HeadToHeadRecordFact,
  LastMeetingFact,
  MarginRecordFact,
  NeverMetFact,
  Outcome,
  RunFact,
  ScorerAgainstOpponentFact,
  TiePrecedentFact,
  TopScorersFact,
  WinsInLastFact,
} from '../insights/facts.js';
import { summarize } from '../insights/match-history.js';
import type { StoredMatchView } from '../store/match-queries.js';
import type { DossierQuote } from './dossier.js';
import type { Paragraph, Sentence } from './preview-document.js';
import type { WriteContext } from './write-context.js';
import {
  capitalise,
  counted,
  dateBefore,
  durationPhrase,
  listJoin,
  monthSpan,
  monthYear,
  numberWord,
  onDay,
  ordinalPrefix,
  plural,
  possessive,
  competitionInSentence,
  timesWord,
} from './write-english.js';
import { matchDescription, resultPhrase, roundPhrase } from './write-results.js';
import { coveredSince, factScopeAdjective, scopeAdjective, scopeIn } from './write-scope.js';

/**
 * The "Match preview" section: the tie and its precedent, the head-to-head, then each team's form, runs and records,
 * and the dossier's quotes — every sentence written from one or more insight facts and citing them.
 */
export interface MatchPreviewInput {
  /** Insight facts, most notable first. */
  facts: readonly Fact[];
  /** The first leg, when the fixture is a second leg with its first leg in the history. */
  firstLegMatchId: number | null;
  quotes: readonly DossierQuote[];
  /** The match each quote was said after (the speaker's side played that day or the day before), if known. */
  quoteMatches: readonly (StoredMatchView | null)[];
  /** The side each quote's speaker speaks for (his club is named in his role, or he is its manager), if known. */
  quoteTeams: readonly (number | null)[];
  dossierFile: string | null;
}

/** Sentences per team paragraph: the most notable facts, form first. */
const TEAM_SENTENCES = 6;

export function writeMatchPreview(ctx: WriteContext, input: MatchPreviewInput): Paragraph[] {
  const { facts, firstLegMatchId } = input;
  const aboutFirstLeg = (f: Fact) =>
    (f.kind === 'margin-record' && f.match.matchId === firstLegMatchId) ||
    f.kind === 'tie-precedent' ||
    (f.kind === 'comeback-record' && f.stage === 'tie' && f.trailingBy !== null);
  const tie = facts.filter(aboutFirstLeg);
  const headToHead = facts.filter((f) => f.family === 'head-to-head');
  const rest = facts.filter((f) => !aboutFirstLeg(f) && f.family !== 'head-to-head');

  const paragraphs: Paragraph[] = [];
  const add = (sentences: Sentence[]) => {
    if (sentences.length > 0) paragraphs.push({ kind: 'text', sentences });
  };
  add(tieSentences(ctx, tie));
  add(headToHeadSentences(ctx, headToHead, firstLegMatchId));
  for (const side of [ctx.home, ctx.away]) {
    if (side.teamId === null) continue;
    add(teamSentences(ctx, side.teamId, rest));
  }
  input.quotes.forEach((quote, i) => {
    const id = ctx.citeOther(`quote-${i + 1}`, 'quote', {
      documents: [
        { file: input.dossierFile ?? 'dossier', line: quote.line, label: `${quote.speaker} to ${quote.outlet}` },
      ],
    });
    paragraphs.push({
      kind: 'text',
      sentences: [quoteLeadIn(ctx, quote, input.quoteMatches[i], input.quoteTeams[i], id)],
    });
    paragraphs.push({
      kind: 'quote',
      text: quote.text,
      speaker: quote.role ? `${quote.speaker}, ${quote.role}` : quote.speaker,
      outlet: quote.outlet,
      date: quote.date,
      factIds: [id],
    });
  });
  return paragraphs;
}

/**
 * The line that introduces a quote: "Speaking to Sky Italia after the 2-2 home draw with Hellas Verona on Monday,
 * Atalanta coach Gian Piero Gasperini said:". A role that names no club is set after the name.
 */
function quoteLeadIn(
  ctx: WriteContext,
  quote: DossierQuote,
  match: StoredMatchView | null,
  teamId: number | null,
  quoteId: string,
): Sentence {
  const speaker = quote.role ? `${quote.role} ${quote.speaker}` : quote.speaker;
  const when = onDay(quote.date, ctx.fixtureDate);
  if (match && teamId !== null && match.score.ft) {
    const matchId = ctx.citeOther(`match-${match.id}`, 'last match', { matchIds: [match.id] });
    const played = resultPhrase(summarize(match), teamId).replace(/^a /, 'the ');
    return {
      text: `Speaking to ${quote.outlet} after ${played} ${onDay(match.date, ctx.fixtureDate)}, ${speaker} said:`,
      factIds: [quoteId, matchId],
    };
  }
  return { text: `${capitalise(speaker)} told ${quote.outlet} ${when}:`, factIds: [quoteId] };
}

// ── the tie ─────────────────────────────────────────────────────────────────────────────────────────────────────

function tieSentences(ctx: WriteContext, facts: readonly Fact[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const f of facts) if (f.kind === 'margin-record') sentences.push(marginRecordSentence(ctx, f, true));
  sentences.push(
    ...precedentSentences(
      ctx,
      facts.filter((f): f is TiePrecedentFact => f.kind === 'tie-precedent'),
    ),
  );
  for (const f of facts) if (f.kind === 'comeback-record') sentences.push(comebackSentence(ctx, f));
  return sentences;
}

/**
 * The strongest precedent, once: the one counted over the most ties (its base), a "by at least this margin" count
 * before an exact score when the bases are equal. Narrower counts of the same question only repeat it.
 */
function precedentSentences(ctx: WriteContext, facts: readonly TiePrecedentFact[]): Sentence[] {
  const strongest = [...facts].sort(
    (a, b) => b.ties - a.ties || Number(b.match === 'at-least') - Number(a.match === 'at-least'),
  )[0];
  return strongest ? [precedentSentence(ctx, strongest)] : [];
}

function precedentSentence(ctx: WriteContext, f: TiePrecedentFact): Sentence {
  const where = f.subjectWasAway ? 'away from home' : 'at home';
  const [home, away] = f.firstLeg.score;
  const situation =
    f.margin === 0
      ? `drew the first leg ${f.subjectWasAway ? 'away' : 'at home'}`
      : f.match === 'exact-score'
        ? `won the first leg ${Math.max(home, away)}-${Math.min(home, away)} ${where}`
        : `won the first leg ${where} by ${counted(f.margin, 'goal')} or more`;
  const id = ctx.cite(f);
  const scope =
    f.competitions === 'competition'
      ? `${f.firstLeg.competition.name} `
      : f.competitions === 'continental'
        ? 'European '
        : f.competitions === 'cup'
          ? 'cup '
          : '';
  const ties = `${numberWord(f.ties)} earlier ${scope}${f.rounds} ${plural(f.ties, 'tie')}`;
  return {
    text: ctx.pick([
      `In ${ties} where a side ${situation}, ${precedentOutcome(f, 'that side')}${leftOut(f)}.`,
      `History is on one side here: of ${ties} in which a side ${situation}, ${precedentOutcome(f, 'that side')}${leftOut(f)}.`,
    ]),
    factIds: [id],
  };
}

/** The ties a count leaves out because the data does not say who went through. */
function leftOut(f: TiePrecedentFact): string {
  if (f.undetermined === 0) return '';
  const them =
    f.undetermined === 1 ? 'one more tie, whose winner' : `${numberWord(f.undetermined)} more, whose winners`;
  return ` (${them} the data does not give, ${f.undetermined === 1 ? 'is' : 'are'} left out)`;
}

/** `that side went through every time`, `that side went through in 168 and went out in one`. */
function precedentOutcome(f: TiePrecedentFact, subject: string): string {
  if (f.subjectEliminated === 0) return f.ties === 1 ? `${subject} went through` : `${subject} went through every time`;
  if (f.subjectAdvanced === 0) return f.ties === 1 ? `${subject} went out` : `${subject} went out every time`;
  return `${subject} went through in ${numberWord(f.subjectAdvanced)} and went out in ${numberWord(f.subjectEliminated)}`;
}

function comebackSentence(ctx: WriteContext, f: ComebackRecordFact): Sentence {
  const team = ctx.teamName(f.teamId);
  const id = ctx.cite(f);
  if (f.stage === 'tie' && f.trailingBy !== null) {
    const deficit = counted(f.trailingBy, 'goal');
    const from = f.comebacks.filter((c) => c.deficit >= f.trailingBy!);
    if (from.length === 0) {
      const best = f.comebacks[0];
      return {
        text: `${team} have never overturned a first-leg deficit of ${deficit} in ${counted(f.measurable, 'tie')} in the data; their biggest comeback in a tie was from ${counted(best.deficit, 'goal')} down against ${ctx.teamName(best.opponentId)} in ${best.matches[0].season}.`,
        factIds: [id],
      };
    }
    const named = from.map(
      (c) => `against ${ctx.teamName(c.opponentId)} in the ${c.matches[0].season} ${c.matches[0].competition.name}`,
    );
    const times = timesWord(from.length);
    return {
      text: ctx.pick([
        `${team} have overturned a first-leg deficit of ${deficit} or more ${times} in ${counted(f.measurable, 'two-legged tie')} in the data: ${listJoin(named)}.`,
        `Comebacks of this size are rare but not unknown for ${team}: they have recovered from ${deficit} down after a first leg ${times} (${listJoin(named)}) in ${counted(f.measurable, 'tie')} in the data.`,
      ]),
      factIds: [id],
    };
  }
  const biggest = f.comebacks.filter((c) => c.deficit === f.biggestDeficit);
  const latest = [...biggest].sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  const deficit = counted(f.biggestDeficit, 'goal');
  if (f.stage === 'match') {
    // A deficit read from the half-time score is said to be at half-time; a shoot-out win is a draw, said as one.
    const halfTime = latest.measuredAt === 'half-time' ? ' at half-time' : '';
    const match = latest.matches[0];
    const on = dateBefore(latest.date, ctx.fixtureDate);
    if (latest.onPenalties) {
      const [own, other] = match.home.id === f.teamId ? match.score : [match.score[1], match.score[0]];
      const pens = match.penalties!;
      const [ownPens, otherPens] = match.home.id === f.teamId ? pens : [pens[1], pens[0]];
      return {
        text: `${team} have come from ${deficit} down${halfTime} ${biggest.length === 1 ? 'once in the data:' : `${timesWord(biggest.length)} in the data, most recently`} against ${ctx.teamName(latest.opponentId)} on ${on}, when they drew ${own}-${other}${match.extraTime ? ' after extra time' : ''} and won ${ownPens}-${otherPens} on penalties.`,
        factIds: [id],
      };
    }
    const occasion = `${resultPhrase(match, f.teamId)} on ${on}`;
    return {
      text:
        biggest.length === 1
          ? `${team} have come from ${deficit} down${halfTime} to win a match once in the data: ${occasion}.`
          : `${team} have come from ${deficit} down${halfTime} to win ${timesWord(biggest.length)} in the data, most recently ${occasion}.`,
      factIds: [id],
    };
  }
  const occasion = `against ${ctx.teamName(latest.opponentId)} in ${latest.matches[0].season}${latest.onPenalties ? ' (on penalties)' : ''}`;
  const text =
    biggest.length === 1
      ? `${team} have overturned a first-leg deficit of ${deficit} to win a tie once in the data: ${occasion}.`
      : `${team} have overturned a first-leg deficit of ${deficit} to win a tie ${timesWord(biggest.length)} in the data, most recently ${occasion}.`;
  return { text, factIds: [id] };
}

// ── head-to-head ────────────────────────────────────────────────────────────────────────────────────────────────

function headToHeadSentences(ctx: WriteContext, facts: readonly Fact[], firstLegMatchId: number | null): Sentence[] {
  const sentences: Sentence[] = [];
  const never = facts.find((f): f is NeverMetFact => f.kind === 'h2h-never-met');
  if (never) {
    sentences.push({
      text: `${ctx.teamName(never.teamId)} and ${ctx.teamName(never.opponentId)} have never met in the data, which goes back to ${never.historyFrom.slice(0, 4)}.`,
      factIds: [ctx.cite(never)],
    });
  }
  const records = facts.filter((f): f is HeadToHeadRecordFact => f.kind === 'h2h-record');
  const overall = records.find((f) => f.venue === 'any' && f.competitions === 'all');
  const atVenue = records.find((f) => f.venue === 'home' && f.competitions === 'all');
  const first = facts.find((f): f is FirstMeetingFact => f.kind === 'h2h-first-meeting');
  const last = facts.find((f): f is LastMeetingFact => f.kind === 'h2h-last-meeting');
  if (overall) sentences.push(recordSentence(ctx, overall));
  if (first) {
    // The only meeting at this ground being the first meeting, one sentence says both.
    const sameAsVenue = atVenue && atVenue.meetings === 1 && atVenue.matchIds[0] === first.meeting.matchId;
    sentences.push(firstMeetingSentence(ctx, first, sameAsVenue ? atVenue : null));
    if (atVenue && !sameAsVenue) sentences.push(recordSentence(ctx, atVenue));
  } else if (atVenue) {
    sentences.push(recordSentence(ctx, atVenue));
  }
  // A scoped record that is only the first leg repeats what the standfirst says.
  for (const scoped of records.filter((f) => f.competitions !== 'all' && f.venue === 'any')) {
    if (scoped.matchIds.every((m) => m === firstLegMatchId)) continue;
    sentences.push(recordSentence(ctx, scoped));
  }
  if (last && last.meeting.matchId !== firstLegMatchId) {
    sentences.push({
      text: `In their last meeting, on ${dateBefore(last.meeting.date, ctx.fixtureDate)}, ${matchDescription(last.meeting)}.`,
      factIds: [ctx.cite(last)],
    });
  }
  // One away-start fact per visitor: the fixture's own kind of competition ("in Europe") when there is one, as that
  // is the comparison the fixture invites; else all competitions.
  const awayStarts = facts.filter((f): f is AwayStartFact => f.kind === 'h2h-away-start');
  for (const teamId of new Set(awayStarts.map((f) => f.teamId))) {
    const own = awayStarts.filter((f) => f.teamId === teamId);
    sentences.push(awayStartSentence(ctx, own.find((f) => f.competitions !== 'all') ?? own[0]));
  }
  return sentences;
}

function recordSentence(ctx: WriteContext, f: HeadToHeadRecordFact): Sentence {
  const team = ctx.teamName(f.teamId);
  const opponent = ctx.teamName(f.opponentId);
  const id = ctx.cite(f);
  const scope = f.competitions === 'all' ? '' : ` ${scopeIn(f.competitions)}`;
  // Where the data lacks some of either side's matches in those seasons, the count is the data's.
  const inData = f.scope.complete ? '' : ' in the data';
  if (f.venue === 'home') {
    if (f.meetings === 1) {
      const only = summarize(ctx.match(f.matchIds[0]));
      return {
        text: `${opponent} have visited ${team} only once${scope}${inData}: in ${only.season}, ${matchDescription(only)}.`,
        factIds: [id],
      };
    }
    return {
      text: `${f.scope.complete ? 'At' : 'In the data, at'} home to ${opponent}${scope}, ${team} have ${recordPhrase(f.wins, f.draws, f.losses)} of ${counted(f.meetings, 'meeting')}, scoring ${f.goalsFor} and conceding ${f.goalsAgainst}.`,
      factIds: [id],
    };
  }
  if (f.meetings === 1) {
    const only = summarize(ctx.match(f.matchIds[0]));
    return {
      text: `The sides' only meeting${scope}${inData} was in ${only.season}: ${matchDescription(only)}.`,
      factIds: [id],
    };
  }
  const meetings = timesWord(f.meetings);
  const goals =
    f.goalsFor === f.goalsAgainst
      ? `with ${counted(f.goalsFor, 'goal')} each`
      : `scoring ${f.goalsFor} and conceding ${f.goalsAgainst}`;
  return {
    text: ctx.pick([
      `The sides have met ${meetings}${scope} in the data: ${team} have ${recordPhrase(f.wins, f.draws, f.losses)}, ${goals}.`,
      `${team} and ${opponent} have met ${meetings}${scope}${inData}; ${team} have ${recordPhrase(f.wins, f.draws, f.losses)}, ${goals}.`,
    ]),
    factIds: [id],
  };
}

function firstMeetingSentence(ctx: WriteContext, f: FirstMeetingFact, atVenue: HeadToHeadRecordFact | null): Sentence {
  const m = f.meeting;
  const round = m.round ? ` ${roundPhrase(m.round)}` : '';
  const occasion = `the ${m.season} ${m.competition.name}${round}`;
  const factIds = [ctx.cite(f)];
  if (atVenue) factIds.push(ctx.cite(atVenue));
  const venueNote = atVenue ? `, still the only meeting at ${possessive(ctx.teamName(atVenue.teamId))} ground` : '';
  return {
    text: ctx.pick([
      `They first met in ${occasion}, when ${matchDescription(m)}${venueNote}.`,
      `Their first meeting came in ${occasion}: ${matchDescription(m)}${venueNote}.`,
    ]),
    factIds,
  };
}

function awayStartSentence(ctx: WriteContext, f: AwayStartFact): Sentence {
  const team = ctx.teamName(f.teamId);
  const host = ctx.teamName(f.opponentId);
  const scope = f.competitions === 'all' ? '' : ` ${scopeIn(f.competitions)}`;
  const visits =
    f.wins === f.visits
      ? f.wins === 2
        ? `both of their visits to ${host}${scope}`
        : `all ${numberWord(f.wins)} of their visits to ${host}${scope}`
      : `each of their first ${numberWord(f.wins)} visits to ${host}${scope}`;
  const others = `${numberWord(f.eligibleOthers)} other ${plural(f.eligibleOthers, 'club')} to have gone there at least ${timesWord(f.wins)}`;
  const firstN = f.wins === 2 ? 'first two' : `first ${numberWord(f.wins)}`;
  let tail: string;
  if (f.othersWithSameStart === 0) tail = `none of the ${others} won their ${firstN}`;
  else if (f.othersWithSameStart <= 3) {
    const names = listJoin(f.otherTeamIds.map((id) => ctx.teamName(id)));
    tail = `of the ${others}, only ${names} also won their ${firstN}`;
  } else tail = `only ${numberWord(f.othersWithSameStart)} of the ${others} also won their ${firstN}`;
  return { text: `${team} have won ${visits}; ${tail}.`, factIds: [ctx.cite(f)] };
}

// ── each team ───────────────────────────────────────────────────────────────────────────────────────────────────

function teamSentences(ctx: WriteContext, teamId: number, facts: readonly Fact[]): Sentence[] {
  const own = facts.filter((f) => 'teamId' in f && f.teamId === teamId);
  const formAll = own.find((f): f is FormFact => f.kind === 'form' && f.competitions === 'all');
  // One sentence per topic: a second scoring run or a second comeback record only says the same thing again.
  const topics = new Set<string>();
  const others = own.filter((f) => {
    if (f === formAll || !teamFactSentence.kinds.has(f.kind)) return false;
    const topic = topicOf(f);
    if (topics.has(topic)) return false;
    topics.add(topic);
    return true;
  });
  const picked = others.slice(0, formAll ? TEAM_SENTENCES - 1 : TEAM_SENTENCES);
  const chosen = formAll ? [formAll, ...picked] : picked;
  // A match already described (the last time they failed to score…) is not described again.
  const mentioned = new Set<number>();
  return chosen.map((f) => teamFactSentence(ctx, f, mentioned)).filter((s): s is Sentence => s !== null);
}

/** What a team fact is about: `run-scoring` for a scoring run or "scored in every away match this season". */
function topicOf(f: Fact): string {
  switch (f.kind) {
    case 'run':
      return `run-${f.run}-${f.venue}${f.ongoing ? '' : '-ended'}`;
    case 'every-game-this-season':
      return `run-${f.condition}-${f.venue}`;
    case 'comeback-record':
      return 'comeback';
    case 'form':
      return `form-${f.competitions}`;
    default:
      return `${f.kind}-${f.matchIds.join(',')}`;
  }
}

teamFactSentence.kinds = new Set<Fact['kind']>([
  'form',
  'wins-in-last',
  'run',
  'every-game-this-season',
  'margin-record',
  'comeback-record',
  'top-scorers',
  'scorer-vs-opponent',
]);

function teamFactSentence(ctx: WriteContext, f: Fact, mentioned: Set<number>): Sentence | null {
  switch (f.kind) {
    case 'form':
      return formSentence(ctx, f);
    case 'wins-in-last':
      return winsInLastSentence(ctx, f);
    case 'run':
      return runSentence(ctx, f, mentioned);
    case 'every-game-this-season':
      return everyGameSentence(ctx, f);
    case 'margin-record':
      return marginRecordSentence(ctx, f, false);
    case 'comeback-record':
      return comebackSentence(ctx, f);
    case 'top-scorers':
      return topScorersSentence(ctx, f);
    case 'scorer-vs-opponent':
      return scorerAgainstSentence(ctx, f);
    default:
      return null;
  }
}

const OUTCOME_LETTER: Record<Outcome, string> = { W: 'W', D: 'D', L: 'L' };

function formSentence(ctx: WriteContext, f: FormFact): Sentence {
  const team = ctx.teamName(f.teamId);
  const line = f.results.map((o) => OUTCOME_LETTER[o]).join('');
  const n = f.results.length;
  const record = recordPhrase(f.wins, f.draws, f.losses);
  const goals = `scoring ${f.goalsFor} and conceding ${f.goalsAgainst}`;
  const id = ctx.cite(f);
  if (f.competitions === 'league') {
    const league = ctx.match(f.matchIds[f.matchIds.length - 1]).competition.name;
    return {
      text: ctx.pick([
        `In ${competitionInSentence(league)} alone, ${team} have ${record} of their last ${numberWord(n)} (${line}).`,
        `${possessive(team)} ${league} form reads ${line}: ${recordNouns(f.wins, f.draws, f.losses)} from the last ${numberWord(n)}.`,
      ]),
      factIds: [id],
    };
  }
  const across = f.scope.covers;
  return {
    text: ctx.pick([
      `${team} have ${record} of their last ${numberWord(n)} ${f.scope.complete ? 'matches in all competitions' : across} (${line}, oldest first), ${goals}.`,
      `Across ${across}, ${possessive(team)} last ${numberWord(n)} results read ${line} (oldest first): they have ${record}, ${goals}.`,
    ]),
    factIds: [id],
  };
}

/** `won three, drawn two and lost one`; counts of zero are left out. */
function recordPhrase(wins: number, draws: number, losses: number): string {
  const parts = [
    wins > 0 ? `won ${numberWord(wins)}` : null,
    draws > 0 ? `drawn ${numberWord(draws)}` : null,
    losses > 0 ? `lost ${numberWord(losses)}` : null,
  ].filter((p): p is string => p !== null);
  return listJoin(parts);
}

/** `one win, two draws and three defeats`; counts of zero are left out. */
function recordNouns(wins: number, draws: number, losses: number): string {
  const parts = [
    wins > 0 ? counted(wins, 'win') : null,
    draws > 0 ? counted(draws, 'draw') : null,
    losses > 0 ? counted(losses, 'defeat') : null,
  ].filter((p): p is string => p !== null);
  return listJoin(parts);
}

function winsInLastSentence(ctx: WriteContext, f: WinsInLastFact): Sentence {
  const team = ctx.teamName(f.teamId);
  const expected = Math.round(f.expectedWins);
  const scope = f.competitions === 'all' ? ` in ${f.scope.covers}` : ` ${scopeIn(f.competitions)}`;
  const text =
    f.direction === 'few'
      ? ctx.pick([
          `${team} have won only ${numberWord(f.wins)} of their last ${numberWord(f.window)} matches${scope}, where their earlier form would have given about ${numberWord(expected)}.`,
          `Wins have dried up: ${team} have ${f.wins === 0 ? 'won none' : `won just ${numberWord(f.wins)}`} of their last ${numberWord(f.window)}${scope}, against about ${numberWord(expected)} at their usual rate.`,
        ])
      : ctx.pick([
          `${team} have won ${numberWord(f.wins)} of their last ${numberWord(f.window)} matches${scope}, well above the ${numberWord(expected)} or so their earlier form would suggest.`,
          `${team} are winning more than usual: ${numberWord(f.wins)} wins in their last ${numberWord(f.window)}${scope}, against about ${numberWord(expected)} at their normal rate.`,
        ]);
  return { text, factIds: [ctx.cite(f)] };
}

/** What a run counts, as a verb phrase with its length: `lost two in a row`, `scored in 23 successive away matches`. */
function runPhrase(f: RunFact, successiveWord: string): string {
  const n = f.length;
  const matches = `${factScopeAdjective(f)}${plural(n, 'match', 'matches')}`;
  const successive = `${numberWord(n)} ${successiveWord} ${matches}`;
  switch (f.run) {
    case 'wins':
      return `won ${successive}`;
    case 'defeats':
      return `lost ${successive}`;
    case 'unbeaten':
      return `gone ${successive} unbeaten`;
    case 'winless':
      return `gone ${successive} without a win`;
    case 'conceding':
      return `conceded in ${successive}`;
    case 'clean-sheets':
      return `kept clean sheets in ${successive}`;
    case 'scoring':
      return `scored in ${successive}`;
    case 'goalless':
      return `failed to score in ${successive}`;
  }
}

/**
 * How the run's kind describes the match before it (the last one that did not fit), in the run's scope: the match
 * before a home league unbeaten run is their last home league defeat, not their last defeat.
 */
function precededByWording(f: RunFact): string {
  const adjective = factScopeAdjective(f);
  const where = [
    f.venue === 'home' ? 'at home' : f.venue === 'away' ? 'away from home' : '',
    f.competitions === 'all' ? (f.scope.complete ? '' : `in ${f.scope.covers}`) : scopeIn(f.competitions),
  ]
    .filter((w) => w !== '')
    .map((w) => ` ${w}`)
    .join('');
  switch (f.run) {
    case 'wins':
      return `their last ${adjective}match without a win`;
    case 'defeats':
      return `their last ${adjective}match without defeat`;
    case 'unbeaten':
      return `their last ${adjective}defeat`;
    case 'winless':
      return `their last ${adjective}win`;
    case 'conceding':
      return `their last ${adjective}clean sheet`;
    case 'clean-sheets':
      return `the last time they conceded${where}`;
    case 'scoring':
      return `the last time they failed to score${where}`;
    case 'goalless':
      return `their last ${adjective}goal`;
  }
}

/** "since at least August 2020 (the data holds all their matches from then)". */
function sinceCoverage(f: RunFact): string {
  return `since at least ${monthYear(f.comparedFrom!)} (the data holds all their matches from then)`;
}

/** Runs a team would rather not be on: "for the first time since" suits them; good runs are "the longest since". */
const BAD_RUNS: ReadonlySet<RunFact['run']> = new Set(['defeats', 'winless', 'goalless', 'conceding']);

function runSentence(ctx: WriteContext, f: RunFact, mentioned: Set<number>): Sentence {
  const team = ctx.teamName(f.teamId);
  const id = ctx.cite(f);
  if (!f.ongoing && f.endedBy) {
    const ended = resultPhrase(f.endedBy, f.teamId);
    const on = dateBefore(f.endedBy.date, ctx.fixtureDate);
    const since =
      f.precededBy && f.daysSincePrecededBy !== null && coveredSince(f, f.precededBy.date)
        ? ` since ${resultPhrase(f.precededBy, f.teamId)} ${durationPhrase(f.daysSincePrecededBy)} earlier`
        : f.comparedFrom !== null
          ? ` ${sinceCoverage(f)}`
          : '';
    if (f.run === 'unbeaten') {
      const matches = `${numberWord(f.length)} ${factScopeAdjective(f)}matches`;
      const defeat = `${factScopeAdjective(f)}defeat`;
      return {
        text: ctx.pick([
          `${capitalise(ended)} on ${on} ended a run of ${matches} unbeaten: ${possessive(team)} first ${defeat}${since}.`,
          `${team} had gone ${matches} unbeaten until ${ended} on ${on}, their first ${defeat}${since}.`,
        ]),
        factIds: [id],
      };
    }
    return {
      text: `${capitalise(ended)} on ${on} ended a run in which ${team} had ${runPhrase(f, 'successive')}.`,
      factIds: [id],
    };
  }
  const phrase = runPhrase(f, ctx.pick(['successive', 'consecutive', 'straight']));
  let tail = '';
  if (f.previous) {
    const span = monthSpan(f.previous.startDate, f.previous.endDate);
    const previous = numberWord(f.previous.length);
    tail = BAD_RUNS.has(f.run)
      ? `, for the first time since a run of ${previous} in ${span}`
      : f.previous.length === f.length
        ? `, matching a run of ${previous} in ${span}`
        : `, their longest such run since one of ${previous} in ${span}`;
  } else if (f.length >= 3 && f.comparedFrom !== null) {
    tail =
      f.comparedFrom <= f.historyFrom
        ? `, their longest such run in the data, which goes back to ${f.historyFrom.slice(0, 4)}`
        : `, their longest such run ${sinceCoverage(f)}`;
  }
  const sentences = [`${team} have ${phrase}${tail}.`];
  const before = f.precededBy;
  if (
    before &&
    f.daysSincePrecededBy !== null &&
    (f.run === 'scoring' || f.run === 'conceding' || f.run === 'unbeaten') &&
    coveredSince(f, before.date) &&
    !mentioned.has(before.matchId)
  ) {
    mentioned.add(before.matchId);
    sentences.push(
      `${capitalise(precededByWording(f))} was ${resultPhrase(before, f.teamId)} on ${dateBefore(before.date, ctx.fixtureDate)}, ${durationPhrase(f.daysSincePrecededBy)} ago.`,
    );
  }
  return { text: sentences.join(' '), factIds: [id] };
}

function everyGameSentence(ctx: WriteContext, f: EveryGameThisSeasonFact): Sentence {
  const team = ctx.teamName(f.teamId);
  const games = `${factScopeAdjective(f)}${plural(f.games, 'match', 'matches')}`;
  const all = `all ${numberWord(f.games)} of their ${games} this season`;
  const text =
    f.condition === 'scoring'
      ? ctx.pick([`${team} have scored in ${all}.`, `${team} have found the net in ${all}.`])
      : f.condition === 'unbeaten'
        ? `${team} are unbeaten in ${all}.`
        : `${team} have ${f.condition === 'clean-sheets' ? 'kept a clean sheet' : 'conceded'} in ${all}.`;
  return { text, factIds: [ctx.cite(f)] };
}

function marginRecordSentence(ctx: WriteContext, f: MarginRecordFact, aboutTheTie: boolean): Sentence {
  const team = ctx.teamName(f.teamId);
  const superlative = f.direction === 'defeat' ? 'heaviest' : 'biggest';
  const joint = f.jointWith > 0 ? 'joint-' : '';
  const rank = `${joint}${ordinalPrefix(f.rank)}${superlative}`;
  const context = `${scopeAdjective(f.competitions, f.venue)}${f.direction}`;
  const level = f.jointWith > 0 ? `, level with ${counted(f.jointWith, 'other')}` : '';
  // Where the data has gaps, the record holds only from the seasons it holds completely, and says so.
  const coverage =
    f.historyFrom === f.dataFrom
      ? `in the data since ${f.historyFrom.slice(0, 4)}`
      : `since ${monthYear(f.historyFrom)}, as far back as the data holds all their matches`;
  if (aboutTheTie) {
    // The standfirst has told the first leg's score; it is not told again.
    return {
      text: ctx.pick([
        `${possessive(team)} first-leg ${f.direction} was their ${rank} ${context} ${coverage}${level}.`,
        `${possessive(team)} first-leg ${f.direction} went down as their ${rank} ${context} (${coverage}${level}).`,
      ]),
      factIds: [ctx.cite(f)],
    };
  }
  // "a 3-0 home defeat by Atalanta" → "Liverpool's 3-0 home defeat by Atalanta".
  const result = resultPhrase(f.match, f.teamId).replace(/^a /, '');
  const when = `on ${dateBefore(f.match.date, ctx.fixtureDate)}`;
  return {
    text: ctx.pick([
      `${possessive(team)} ${result} ${when} was their ${rank} ${context} ${coverage}${level}.`,
      `${possessive(team)} ${result} ${when} went down as their ${rank} ${context} (${coverage}${level}).`,
    ]),
    factIds: [ctx.cite(f)],
  };
}

function topScorersSentence(ctx: WriteContext, f: TopScorersFact): Sentence {
  const team = ctx.teamName(f.teamId);
  const lines = f.scorers.map((s) => `${s.player} ${s.goals}${s.penalties > 0 ? ` (${s.penalties} pen.)` : ''}`);
  const coverage =
    f.matchesWithGoalData < f.seasonMatches
      ? ` (from the ${numberWord(f.matchesWithGoalData)} of their ${numberWord(f.seasonMatches)} matches this season with scorers in the data)`
      : '';
  return {
    text: `${possessive(team)} leading scorers this season: ${listJoin(lines)}${coverage}.`,
    factIds: [ctx.cite(f)],
  };
}

function scorerAgainstSentence(ctx: WriteContext, f: ScorerAgainstOpponentFact): Sentence {
  const team = ctx.teamName(f.teamId);
  const opponent = ctx.teamName(f.opponentId);
  return {
    text: `${f.scorer.player} has scored ${counted(f.scorer.goals, 'goal')} for ${team} against ${opponent} in ${counted(f.scorer.matchIds.length, 'match', 'matches')}.`,
    factIds: [ctx.cite(f)],
  };
}
