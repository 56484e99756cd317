import type { Dossier, PlayerStatus, TeamNewsEntry } from './dossier.js';
import type { Paragraph, Sentence } from './preview-document.js';
import type { WriteContext } from './write-context.js';
import { capitalise, dayMonth, listJoin } from './write-english.js';

/**
 * "Team news" from the dossier: one paragraph per side. A player with a note gets his own sentence and the note
 * (the dossier writer's words) after it; players of the same status without notes share one sentence. Each sentence
 * cites the dossier entries it states.
 */
export function writeTeamNews(ctx: WriteContext, dossier: Dossier): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const side of ['home', 'away'] as const) {
    const team = side === 'home' ? ctx.home.name : ctx.away.name;
    const entries = dossier.teamNews[side];
    if (entries.length === 0) continue;
    const cite = (entry: TeamNewsEntry, index: number) => citeTeamNews(ctx, dossier, side, index);
    const sentences: Sentence[] = [];
    const grouped = new Map<PlayerStatus, { entry: TeamNewsEntry; id: string }[]>();
    const turn = new Map<PlayerStatus, number>();
    entries.forEach((entry, index) => {
      const id = cite(entry, index);
      if (entry.note) {
        const note = noteSentence(entry.player, shortName(entry.player, lineupNames(dossier, side)), entry.note);
        sentences.push({ text: `${playerSentence(ctx, team, entry, turn)} ${note}`, factIds: [id] });
        return;
      }
      const list = grouped.get(entry.status) ?? [];
      list.push({ entry, id });
      grouped.set(entry.status, list);
    });
    for (const [status, list] of grouped) {
      sentences.push(
        list.length === 1
          ? { text: playerSentence(ctx, team, list[0].entry, turn), factIds: [list[0].id] }
          : {
              text: groupSentence(
                ctx,
                team,
                status,
                list.map((l) => l.entry),
              ),
              factIds: list.map((l) => l.id),
            },
      );
    }
    paragraphs.push({ kind: 'text', sentences });
  }
  return paragraphs;
}

/** The receipt of one team-news entry: its dossier line. The same entry always gets the same id. */
export function citeTeamNews(ctx: WriteContext, dossier: Dossier, side: 'home' | 'away', index: number): string {
  const team = side === 'home' ? ctx.home.name : ctx.away.name;
  const entry = dossier.teamNews[side][index];
  return ctx.citeOther(`team-news-${side}-${index + 1}`, 'team-news', {
    documents: [{ file: dossier.file, line: entry.line, label: `${team}, ${entry.player}: ${entry.status}` }],
  });
}

/**
 * One player's news. The templates of a status are taken in turn from a seeded start, so that three players back
 * from injury do not read "is available again" three times over.
 */
function playerSentence(
  ctx: WriteContext,
  team: string,
  entry: TeamNewsEntry,
  turn: Map<PlayerStatus, number>,
): string {
  const reason = entry.reason ? ` (${entry.reason})` : '';
  const back = entry.expectedReturn ? `, ${expectedBack(entry.expectedReturn)}` : '';
  const player = entry.player;
  const variants: Record<PlayerStatus, string[]> = {
    out: [
      `${player} is out${reason}${back}.`,
      `${team} will be without ${player}${reason}${back}.`,
      `${player} misses out${reason}${back}.`,
    ],
    doubtful: [`${player} is a doubt${reason}${back}.`, `${team} are waiting on ${player}${reason}${back}.`],
    suspended: [`${player} is suspended${reason}${back}.`],
    returning: [
      `${player} is available again${reason}.`,
      `${team} have ${player} back${reason}.`,
      `${player} returns${reason}.`,
    ],
  };
  const options = variants[entry.status];
  const n = turn.get(entry.status) ?? ctx.pick(options.map((_, i) => i));
  turn.set(entry.status, n + 1);
  return options[n % options.length];
}

function groupSentence(ctx: WriteContext, team: string, status: PlayerStatus, entries: TeamNewsEntry[]): string {
  const names = listJoin(
    entries.map(
      (e) =>
        `${e.player}${e.reason ? ` (${e.reason}${e.expectedReturn ? `; ${expectedBack(e.expectedReturn)}` : ''})` : ''}`,
    ),
  );
  switch (status) {
    case 'out':
      return ctx.pick([`${names} are all out.`, `${team} are also without ${names}.`]);
    case 'doubtful':
      return `${names} are doubts.`;
    case 'suspended':
      return `${names} are suspended.`;
    case 'returning':
      return `${names} are available again.`;
  }
}

/** `expected back in early May`, `expected back on 1 May`, `expected back after the international break`. */
function expectedBack(when: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(when)) return `expected back on ${dayMonth(when)}`;
  return /^(in|on|by|after|before|for|within|around)\b/i.test(when)
    ? `expected back ${when}`
    : `expected back in ${when}`;
}

function endSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Leading words of a note that read after "is" ("expected to start") or "was" ("injured in training"). */
const AFTER_IS =
  /^(expected|likely|unlikely|set|due|back|available|fit|doubtful|sidelined|suspended|banned|ruled|in line|out)\b/i;
const AFTER_WAS = /^(injured|hurt|forced|helped|substituted|sent|taken|withdrawn|left)\b/i;

/**
 * A dossier note as a sentence about the player: a note is what follows his name ("also missed the first leg" →
 * "Scalvini also missed the first leg."); one that already names him or starts "He"/"His" stays as it is.
 */
export function noteSentence(player: string, short: string, note: string): string {
  const text = note.trim();
  const firstWords = text.split(/\s+/).slice(0, 3).join(' ').toLowerCase();
  const named = [player, short].some((name) => firstWords.startsWith(name.toLowerCase()));
  if (named || /^(he|his|she|her|they|their)\b/i.test(text)) return endSentence(capitalise(text));
  const predicate = text.charAt(0).toLowerCase() + text.slice(1);
  const verb = AFTER_IS.test(predicate) ? 'is ' : AFTER_WAS.test(predicate) ? 'was ' : '';
  return endSentence(`${short} ${verb}${predicate}`);
}

/** The name a sentence uses after the first mention: the line-up's name for him ("Alisson"), else his surname. */
export function shortName(player: string, lineupNames: readonly string[]): string {
  const full = player.toLowerCase();
  // Line-ups give the name he plays under: a surname ("Bradley") or a first name ("Alisson").
  const listed = lineupNames.find((name) => {
    const short = name.toLowerCase();
    return short !== full && (full.endsWith(` ${short}`) || full.startsWith(`${short} `));
  });
  if (listed) return listed;
  const parts = player.trim().split(/\s+/);
  if (parts.length === 1) return player;
  const surname = parts.slice(1).join(' ');
  return capitalise(surname);
}

function lineupNames(dossier: Dossier, side: 'home' | 'away'): string[] {
  return dossier.lineups[side]?.players ?? [];
}
