import { html } from 'hono/html';
import { MatchdayError } from '../../errors.js';
import { preMatchForecasts, type PreMatchForecast } from '../../store/forecast-store.js';
import type { StoredMatchView } from '../../store/match-queries.js';
import { listTeams } from '../../store/match-queries.js';
import { stringBytes, type SizedCache } from '../byte-budget.js';
import { matchesBetween, recentMatches, upcomingMatches } from '../match-listing.js';
import type { ServerContext } from '../server-context.js';
import { layout, type Html } from './layout.js';
import { matchTable, teamHref } from './match-table.js';
import { upcomingFixturesList } from './pre-match-forecasts.js';

const LISTED = 12;
/** `Atalanta v Liverpool`, `Atalanta vs. Liverpool`, `Atalanta - Liverpool`. */
const FIXTURE_QUERY = /^(.+?)\s+(?:v|vs\.?|-|–)\s+(.+)$/i;

/** The home page: search results for `q` (teams, and a fixture when it names two teams), then recent and upcoming matches. */
export class HomePage {
  private readonly listings: SizedCache<
    string,
    { recent: StoredMatchView[]; upcoming: StoredMatchView[]; forecasts: Map<number, PreMatchForecast> }
  >;

  constructor(private readonly server: ServerContext) {
    this.listings = server.cache(({ recent, upcoming, forecasts }) =>
      stringBytes(JSON.stringify([recent, upcoming, [...forecasts]])),
    );
  }

  render(query: string): Html {
    const today = this.server.today();
    const { recent, upcoming, forecasts } = this.listings.getOrCreate(today, () => {
      const upcoming = upcomingMatches(this.server.db, today, LISTED);
      return {
        recent: recentMatches(this.server.db, today, LISTED),
        upcoming,
        forecasts: preMatchForecasts(
          this.server.db,
          upcoming.map((m) => m.id),
        ),
      };
    });
    const body = html`<h1>Football match intelligence</h1>
      <p class="meta">
        Forecasts, two-legged ties and previews from real match history. Search a team, or a fixture such as
        <a href="/?q=Atalanta+v+Liverpool">Atalanta v Liverpool</a>.
      </p>
      ${query ? this.results(query) : ''}
      <h2>Recent matches</h2>
      ${matchTable('Latest played matches in the data', recent)}
      <h2>Upcoming matches</h2>
      ${upcomingFixturesList(`Scheduled from ${today}`, upcoming, forecasts)}`;
    return layout({ title: query ? `Search: ${query}` : 'Home', body, query });
  }

  private results(query: string): Html {
    const fixture = FIXTURE_QUERY.exec(query.trim());
    return html`<section aria-labelledby="results-title">
      <h2 id="results-title">Results for “${query}”</h2>
      ${fixture ? this.fixtureResults(fixture[1], fixture[2]) : this.teamResults(query)}
    </section>`;
  }

  private teamResults(query: string): Html {
    const candidates = this.server.searchTeams(query, 10);
    if (candidates.length === 0) {
      const nearest = this.server.nearestSpellings(query, 5);
      return html`<p>
        No team has a name like
        that.${
          nearest.length > 0
            ? html` Did you mean
              ${nearest.map((t, i) => html`${i > 0 ? ', ' : ''}<a href="${teamHref(t)}">${t.name}</a>`)}?`
            : ''
        }
      </p>`;
    }
    const listing = new Map(
      listTeams(
        this.server.db,
        candidates.map((c) => c.teamId),
      ).map((t) => [t.id, t]),
    );
    return html`<h3>Teams</h3>
      <ul class="plain">
        ${candidates.map((c) => {
          const team = listing.get(c.teamId);
          return html`<li>
            <a href="${teamHref({ id: c.teamId })}">${c.name}</a>
            <span class="muted"
              >${c.country ?? ''} · ${team?.matches ?? 0} matches
              ${team?.firstDate ? `${team.firstDate.slice(0, 4)}–${team.lastDate?.slice(0, 4)}` : ''}</span
            >
          </li>`;
        })}
      </ul>`;
  }

  private fixtureResults(homeName: string, awayName: string): Html {
    let home;
    let away;
    try {
      home = this.server.findTeam(homeName);
      away = this.server.findTeam(awayName);
    } catch (error) {
      if (error instanceof MatchdayError) return html`<p class="notice error">${error.message}</p>`;
      throw error;
    }
    const meetings = matchesBetween(this.server.db, home.teamId, away.teamId);
    const forecastHref = `/fixture?home=${encodeURIComponent(home.name)}&away=${encodeURIComponent(away.name)}`;
    return html`<h3>${home.name} v ${away.name}</h3>
      <p><a href="${forecastHref}">Forecast ${home.name} v ${away.name} today</a> or on another date:</p>
      <form action="/fixture" method="get" class="row">
        <input type="hidden" name="home" value="${home.name}" /><input type="hidden" name="away" value="${away.name}" />
        <label>Date <input type="date" name="date" required /></label> <button type="submit">Forecast</button>
      </form>
      ${matchTable(`Meetings in the data (${meetings.length})`, meetings.slice(0, 20))}`;
  }
}
