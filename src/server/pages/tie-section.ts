import { html, raw } from 'hono/html';
import type { NextRound } from '../../knockout/bracket-state.js';
import type { ReconstructedTie } from '../../knockout/tie-reconstruction.js';
import { tieChartSvg } from '../charts/tie-chart.js';
import { percent, scoreText } from '../display-format.js';
import type { SecondLegOutlook } from '../tie-outlook.js';
import { chartFigure, type Html } from './layout.js';
import { teamHref } from './match-table.js';

/**
 * A leg of a two-legged tie: the legs, for a second leg the qualification split (90 minutes / extra time /
 * penalties) and what the trailing side needs, the bracket path (who the winners meet next) and, once decided, who
 * went through.
 */
export function tieSection(options: {
  tie: ReconstructedTie;
  outlook: SecondLegOutlook | null;
  /** Before a first leg: the bracket's P(each side through), this fixture's home side first, and its page. */
  beforeTie: { home: number; away: number; href: string } | null;
  /** The first-leg score the outlook uses, when it is a what-if. */
  whatIfFirstLeg: [number, number] | null;
  nextRound: NextRound | null;
}): Html {
  const { tie, outlook, nextRound, beforeTie } = options;
  const first = tie.firstLeg;
  const second = tie.secondLeg;
  return html`<section id="tie" aria-labelledby="tie-title">
    <h2 id="tie-title">The tie</h2>
    <p>
      ${tie.round ?? 'Knockout tie'} · first leg ${first.home.name} ${scoreText(first.score)} ${first.away.name}
      (${first.date}) · second leg ${second.home.name} ${second.score.ft ? scoreText(second.score) : 'v'}
      ${second.away.name} (${second.date})
    </p>
    ${
      beforeTie
        ? html`<p data-testid="tie-before-first-leg">
            Before the first leg, the bracket's model gives ${first.home.name} ${percent(beforeTie.home)} and
            ${first.away.name} ${percent(beforeTie.away)} to go through (<a href="${beforeTie.href}">the bracket</a>
            has every tie).
          </p>`
        : ''
    }
    ${
      outlook
        ? html`${options.whatIfFirstLeg ? html`<p class="notice">With the first leg as ${first.home.name} ${options.whatIfFirstLeg[0]}-${options.whatIfFirstLeg[1]} ${first.away.name}.</p>` : ''}
            ${chartFigure(tieChartSvg('tie-chart', outlook.home, outlook.away), `Before the second leg. Extra time at ${outlook.extraTimeScale.toFixed(3)} of a match's expected goals, penalties 50-50${outlook.result.rules.awayGoals ? ', away goals count' : ''}.`)}
            <ul class="legend" data-testid="tie-split">
              <li style="--swatch: var(--home)">
                ${outlook.home.name} through <b data-testid="through-home">${percent(outlook.home.total)}</b>
              </li>
              <li style="--swatch: var(--away)">
                ${outlook.away.name} through <b data-testid="through-away">${percent(outlook.away.total)}</b>
              </li>
              <li style="--swatch: var(--draw)">
                Extra time ${percent(outlook.result.extraTime)}, penalties ${percent(outlook.result.penalties)}
              </li>
            </ul>
            ${outlook.needs ? html`<p>${outlook.needs}</p>` : ''}`
        : ''
    }
    ${
      tie.winnerTeam
        ? html`<p>
            Result: <b>${tie.winnerTeam.name}</b> went
            through${tie.aggregate ? ` ${Math.max(tie.aggregate.a, tie.aggregate.b)}-${Math.min(tie.aggregate.a, tie.aggregate.b)} on aggregate` : ''}${tie.decidedBy && tie.decidedBy !== 'aggregate' ? ` (${tie.decidedBy.replace(/-/g, ' ')})` : ''}.
          </p>`
        : ''
    }
    ${
      nextRound
        ? html`<h3>Bracket path</h3>
            <p>
              The winners play
              ${nextRound.opponents.map((t, i) => html`${i > 0 ? raw(' or ') : ''}<a href="${teamHref(t)}">${t.name}</a>`)}
              in the ${nextRound.round.toLowerCase()}.
            </p>`
        : ''
    }
  </section>`;
}
