/**
 * Forecasts stored before kick-off (by `matchday sync`, `fixtures` and `preview --round`) on the pages: beside each
 * upcoming fixture on the home page, and on a match page, next to the result once it is in — what the model said
 * beforehand, as it said it.
 */
import { html } from 'hono/html';
import { reviewPreMatchForecast } from '../../history/pre-match-review.js';
import type { PreMatchForecast } from '../../store/forecast-store.js';
import type { StoredMatchView } from '../../store/match-queries.js';
import { percent } from '../display-format.js';
import type { Html } from './layout.js';
import { matchHref, teamHref } from './match-table.js';

/** Upcoming fixtures, soonest first, each with its stored 1X2 (or a link to its forecast when none is stored). */
export function upcomingFixturesList(
  caption: string,
  fixtures: readonly StoredMatchView[],
  forecasts: ReadonlyMap<number, PreMatchForecast>,
): Html {
  if (fixtures.length === 0) return html`<p class="muted">${caption}: none.</p>`;
  return html`<h3 class="list-caption">${caption}</h3>
    <ul class="matches" data-testid="upcoming-fixtures">
      ${fixtures.map((m) => {
        const f = forecasts.get(m.id);
        return html`<li>
          <span class="when"
            >${m.date}${m.time ? ` ${m.time}` : ''} · ${m.competition.name}${m.round ? ` · ${m.round}` : ''}</span
          >
          <span class="teams"
            ><a href="${teamHref(m.home)}">${m.home.name}</a>
            <a class="score" href="${matchHref(m)}" aria-label="${m.home.name} v ${m.away.name}, ${m.date}: forecast"
              >v</a
            >
            <a href="${teamHref(m.away)}">${m.away.name}</a></span
          >
          ${
            f
              ? html`<span class="when" data-testid="stored-forecast"
                  >${m.home.name} ${percent(f.result.home)} · draw ${percent(f.result.draw)} · ${m.away.name}
                  ${percent(f.result.away)} · expected goals
                  ${f.expectedGoals.home.toFixed(1)}–${f.expectedGoals.away.toFixed(1)}</span
                >`
              : ''
          }
        </li>`;
      })}
    </ul>`;
}

/** A match page's stored pre-match forecast and, once the result is in, what it had given that score and result. */
export function preMatchSection(match: StoredMatchView, forecast: PreMatchForecast): Html {
  const review = match.score.ft ? reviewPreMatchForecast(forecast, match.score.ft) : null;
  const outcome = review
    ? { home: `a ${match.home.name} win`, draw: 'a draw', away: `a ${match.away.name} win` }[review.outcome]
    : '';
  return html`<section id="pre-match" aria-labelledby="pre-match-title">
    <h2 id="pre-match-title">Forecast before kick-off</h2>
    <p class="meta">
      Stored ${forecast.madeAt.slice(0, 10)} by ${forecast.model}, fitted on
      ${forecast.matchesFitted.toLocaleString('en-GB')} matches before ${forecast.dataBefore}; never recomputed.
    </p>
    <ul class="legend">
      <li>${match.home.name} win <b data-testid="pre-match-home">${percent(forecast.result.home)}</b></li>
      <li>Draw <b data-testid="pre-match-draw">${percent(forecast.result.draw)}</b></li>
      <li>${match.away.name} win <b data-testid="pre-match-away">${percent(forecast.result.away)}</b></li>
      <li>
        Expected goals <b>${forecast.expectedGoals.home.toFixed(2)} – ${forecast.expectedGoals.away.toFixed(2)}</b>
      </li>
    </ul>
    ${
      review && match.score.ft
        ? html`<p data-testid="pre-match-review">
            Beforehand the model gave the final score ${match.score.ft[0]}-${match.score.ft[1]}
            <b>${percent(review.scoreProbability)}</b> and ${outcome} <b>${percent(review.outcomeProbability)}</b>.
          </p>`
        : ''
    }
  </section>`;
}
