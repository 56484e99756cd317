import type { Dossier, PlayerStatus, TeamNewsEntry } from './dossier.js';
import type { Paragraph, Sentence } from './preview-document.js';
import type { WriteContext } from './write-context.js';
import { dayMonth, listJoin } from './write-english.js';

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
    const cite = (entry: TeamNewsEntry, index: number) =>
      ctx.citeOther(`team-news-${side}-${index + 1}`, 'team-news', {
        documents: [{ file: dossier.file, line: entry.line, label: `${team}, ${entry.player}: ${entry.status}` }],
      });
    const sentences: Sentence[] = [];
    const grouped = new Map<PlayerStatus, { entry: TeamNewsEntry; id: string }[]>();
    entries.forEach((entry, index) => {
      const id = cite(entry, index);
      if (entry.note) {
        sentences.push({ text: `${playerSentence(ctx, team, entry)} ${endSentence(entry.note)}`, factIds: [id] });
        return;
      }
      const list = grouped.get(entry.status) ?? [];
      list.push({ entry, id });
      grouped.set(entry.status, list);
    });
    for (const [status, list] of grouped) {
      sentences.push(
        list.length === 1
          ? { text: playerSentence(ctx, team, list[0].entry), factIds: [list[0].id] }
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

function playerSentence(ctx: WriteContext, team: string, entry: TeamNewsEntry): string {
  const reason = entry.reason ? ` (${entry.reason})` : '';
  const back = entry.expectedReturn ? `, ${expectedBack(entry.expectedReturn)}` : '';
  const player = entry.player;
  switch (entry.status) {
    case 'out':
      return ctx.pick([`${player} is out${reason}${back}.`, `${team} will be without ${player}${reason}${back}.`]);
    case 'doubtful':
      return ctx.pick([`${player} is a doubt${reason}${back}.`, `${team} are waiting on ${player}${reason}${back}.`]);
    case 'suspended':
      return `${player} is suspended${reason}${back}.`;
    case 'returning':
      return ctx.pick([`${player} is available again${reason}.`, `${team} have ${player} back${reason}.`]);
  }
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
