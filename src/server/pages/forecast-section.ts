import { html } from 'hono/html';
import type { DatedForecast } from '../fixture-forecasts.js';
import { resultBarSvg } from '../charts/result-bar.js';
import { scorelineHeatmapSvg } from '../charts/scoreline-heatmap.js';
import { totalsChartSvg } from '../charts/totals-chart.js';
import { percent } from '../display-format.js';
import { chartFigure, type Html } from './layout.js';

/** The match forecast: the 1X2 bar, key numbers, the scoreline heatmap and the totals distribution, with the model. */
export function forecastSection(forecast: DatedForecast, actual: [number, number] | null): Html {
  const names = { home: forecast.home.name, away: forecast.away.name };
  const m = forecast.markets;
  const scores = m.correctScore.list();
  const top = m.scoreAnalysis.overall[0];
  const over = m.totals.find((t) => t.line === 2.5);
  const data = forecast.model.data;
  const actualProbability = actual ? m.correctScore.probability(actual[0], actual[1]) : null;
  return html`<section id="forecast" aria-labelledby="forecast-title">
    <h2 id="forecast-title">Forecast</h2>
    <p class="meta">
      ${forecast.model.family} fitted on ${data.matches.toLocaleString('en-GB')} matches ${data.firstDate} to
      ${data.lastDate} (${data.competitions.join(', ')})${forecast.neutral ? ' · neutral venue' : ''}
    </p>
    ${chartFigure(resultBarSvg('result-bar', names, m.result))}
    <ul class="legend">
      <li style="--swatch: var(--home)">${names.home} win <b data-testid="p-home">${percent(m.result.home)}</b></li>
      <li style="--swatch: var(--draw)">Draw <b data-testid="p-draw">${percent(m.result.draw)}</b></li>
      <li style="--swatch: var(--away)">${names.away} win <b data-testid="p-away">${percent(m.result.away)}</b></li>
    </ul>
    <div class="key-numbers">
      <div>
        Expected goals<b data-testid="xg"
          >${forecast.expectedGoals.home.toFixed(2)} – ${forecast.expectedGoals.away.toFixed(2)}</b
        >
      </div>
      <div>Most likely score<b>${top.home}-${top.away}</b>${percent(top.probability)}</div>
      ${over ? html`<div>Over 2.5 goals<b>${percent(over.over.win)}</b></div>` : ''}
      <div>Both teams score<b>${percent(m.bothTeamsToScore.yes)}</b></div>
      ${
        actual && actualProbability !== null
          ? html`<div>
              Final score ${actual[0]}-${actual[1]}<b>${percent(actualProbability)}</b>the model's chance of it
            </div>`
          : ''
      }
    </div>
    <h3>Scorelines</h3>
    ${chartFigure(scorelineHeatmapSvg('scoreline-heatmap', names, scores), `Each cell: the chance of that exact score after 90 minutes, ${names.home} goals down, ${names.away} goals across.`)}
    <h3>Goals in the match</h3>
    ${chartFigure(totalsChartSvg('totals-chart', scores), 'Total goals in the match after 90 minutes, both teams together.')}
    ${
      forecast.model.teamsFromPrior.length > 0
        ? html`<p class="notice">
            No history for ${forecast.model.teamsFromPrior.join(' and ')}: rated from the league average.
          </p>`
        : ''
    }
  </section>`;
}
