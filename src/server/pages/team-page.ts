import { html } from 'hono/html';
import { MatchHistory } from '../../insights/match-history.js';
import { findMatches, listTeams } from '../../store/match-queries.js';
import { ratingChartSvg } from '../charts/rating-chart.js';
import { scoreText } from '../display-format.js';
import { LruCache } from '../lru-cache.js';
import type { Db } from '../../store/database.js';
import { teamRatingHistory } from '../team-ratings.js';
import type { RatingPoint } from '../charts/rating-chart.js';
import { chartFigure, layout, type Html } from './layout.js';
import { competitionHref, matchHref, matchTable } from './match-table.js';

const FORM_LENGTH = 10;

/**
 * Ratings over time kept for other seasons' pages of the same teams (the server keeps the rendered pages): a
 * point is a date and a rating, about 80 bytes, a team a few hundred points.
 */
const RATINGS_KEPT = 64;

/**
 * A team: recent form, rating over time, and its results in every competition season by season. Reading all of a
 * team's matches and running Elo over its leagues takes a fraction of a second: the server renders it on a worker.
 */
export class TeamPage {
  private readonly ratings = new LruCache<number, RatingPoint[]>(RATINGS_KEPT);

  constructor(private readonly db: Db) {}

  /** Null when no team has this id; `today` dates the form strip. */
  render(teamId: number, season: string | undefined, today: string): Html | null {
    const [team] = listTeams(this.db, [teamId]);
    if (!team) return null;
    const matches = findMatches(this.db, { teamId });
    const seasons = [...new Set(matches.map((m) => m.season))].sort().reverse();
    const shownSeason = season && seasons.includes(season) ? season : seasons[0];
    const inSeason = matches.filter((m) => m.season === shownSeason);
    const competitions = [...new Map(inSeason.map((m) => [m.competition.code, m.competition])).values()];
    const form = new MatchHistory(matches, today).of(teamId).slice(-FORM_LENGTH);
    const ratings = this.ratings.getOrCreate(teamId, () => teamRatingHistory(this.db, teamId, matches));

    const body = html`<h1>${team.name}</h1>
      <p class="meta">
        ${team.country ?? ''} · ${team.matches} matches in the
        data${team.firstDate ? `, ${team.firstDate} to ${team.lastDate}` : ''}
      </p>
      <p>
        <a href="/?q=${encodeURIComponent(team.name + ' v ')}">Find a fixture</a> ·
        <a href="/api/matches?team=${encodeURIComponent(team.name)}">matches as JSON</a>
      </p>
      <h2>Form</h2>
      ${
        form.length === 0
          ? html`<p class="muted">No played matches.</p>`
          : html`<p class="meta">Last ${form.length} matches, all competitions, oldest first.</p>
              <ol class="form-strip" aria-label="Form: ${form.map((tm) => tm.outcome).join(' ')}">
                ${form.map(
                  (tm) =>
                    html`<li class="${tm.outcome}">
                      <a
                        href="${matchHref(tm.match)}"
                        title="${tm.match.date} ${tm.match.home.name} ${scoreText(tm.match.score)} ${tm.match.away.name} (${tm.match.competition.name})"
                        >${tm.outcome}</a
                      >
                    </li>`,
                )}
              </ol>`
      }
      <h2>Rating over time</h2>
      ${
        ratings.length > 1
          ? chartFigure(
              ratingChartSvg('rating-chart', team.name, ratings),
              'Elo rating going into each match, run over its leagues and the European competitions (every team starts at 1500; three years of burn-in are not shown).',
            )
          : html`<p class="muted">Too few matches for a rating.</p>`
      }
      <h2>Results</h2>
      <form method="get" class="row">
        <label
          >Season
          <select name="season">
            ${seasons.map((s) => html`<option value="${s}" ${s === shownSeason ? ' selected' : ''}>${s}</option>`)}
          </select></label
        >
        <button type="submit">Show</button>
      </form>
      ${
        competitions.length
          ? html`<p class="meta">
              Competitions:
              ${competitions.map(
                (c, i) => html`${i > 0 ? ', ' : ''}<a href="${competitionHref(c.code, shownSeason)}">${c.name}</a>`,
              )}
            </p>`
          : ''
      }
      ${matchTable(`${team.name} in ${shownSeason ?? 'the data'}`, inSeason)}`;
    return layout({ title: team.name, description: `${team.name}: form, rating and results`, body });
  }
}
