import { html } from 'hono/html';
import type { StoredMatchView } from '../../store/match-queries.js';
import { scoreText } from '../display-format.js';
import type { Html } from './layout.js';

/** A fixture's page: its date and the two teams' ids, home first (a stored match or any other pairing). */
export function matchHref(match: { date: string; home: { id: number }; away: { id: number } }): string {
  return `/matches/${match.date}/${match.home.id}/${match.away.id}`;
}

export function teamHref(team: { id: number }): string {
  return `/teams/${team.id}`;
}

export function competitionHref(code: string, season: string): string {
  return `/competitions/${encodeURIComponent(code)}/${encodeURIComponent(season)}`;
}

/**
 * Matches as a list a phone can read: date, competition and round on one line, then home team, score (linking to
 * the match page) and away team.
 */
export function matchTable(caption: string, matches: readonly StoredMatchView[]): Html {
  if (matches.length === 0) return html`<p class="muted">${caption}: none.</p>`;
  return html`<h3 class="list-caption">${caption}</h3>
    <ul class="matches">
      ${matches.map(
        (m) =>
          html`<li>
            <span class="when"
              >${m.date} · ${m.competition.name}${m.round ? ` · ${m.round}` : ''}${m.leg ? `, leg ${m.leg}` : ''}</span
            >
            <span class="teams"
              ><a href="${teamHref(m.home)}">${m.home.name}</a>
              <a
                class="score"
                href="${matchHref(m)}"
                aria-label="${m.home.name} v ${m.away.name}, ${m.date}: ${m.score.ft ? scoreText(m.score) : 'forecast'}"
                >${scoreText(m.score)}</a
              >
              <a href="${teamHref(m.away)}">${m.away.name}</a></span
            >
          </li>`,
      )}
    </ul>`;
}
