import { html } from 'hono/html';
import type { BracketReport, SideReport, TieReport } from '../../knockout/bracket-forecast.js';
import { MatchdayError } from '../../errors.js';
import { findMatches, type StoredMatchView } from '../../store/match-queries.js';
import type { BracketForecast } from '../bracket-forecasts.js';
import { championChartSvg } from '../charts/champion-chart.js';
import { percent } from '../display-format.js';
import type { ServerContext } from '../server-context.js';
import { chartFigure, layout, type Html } from './layout.js';
import { competitionHref, matchTable, teamHref } from './match-table.js';

/**
 * A competition-season: for a knockout competition the bracket as it stood on a date, with each team's chance of
 * reaching every remaining round and of winning it, and links to the bracket before each round; for a league, its
 * matches.
 */
export class CompetitionPage {
  constructor(private readonly server: ServerContext) {}

  /** Null when the database has no match of the competition in the season. */
  async render(code: string, season: string, asOf: string | undefined): Promise<Html | null> {
    const matches = findMatches(this.server.db, { competitionCode: code, season });
    if (matches.length === 0) return null;
    const name = `${matches[0].competition.name} ${season}`;
    const roundStarts = firstDateOfEachRound(matches);
    const date = asOf ?? this.server.today();
    const withoutBracket = (reason: string) =>
      layout({
        title: name,
        body: html`<h1>${name}</h1>
          <p class="meta">${reason}</p>
          ${matchTable(`${name}, latest first`, [...matches].reverse())}`,
      });
    if (matches[0].competition.kind === 'league') return withoutBracket('A league: its matches.');
    let bracket: BracketForecast;
    try {
      bracket = await this.server.work.bracket(code, season, date);
    } catch (error) {
      // A cup whose rounds the data cannot put into a bracket: its matches, and why.
      if (!(error instanceof MatchdayError)) throw error;
      return withoutBracket(`No bracket: ${error.message}`);
    }
    const rounds = bracket.rounds.map((round) => round.name);
    const body = html`<h1>${name}</h1>
      <p class="meta">
        The bracket as it stood on ${bracket.asOf}, before that day's
        matches.${bracket.model ? ` Odds from a ${bracket.model.family} model fitted on ${bracket.model.data.matches.toLocaleString('en-GB')} matches before it; extra time at ${bracket.model.extraTimeScale.toFixed(3)} of a match's goals, penalties 50-50.` : ''}
      </p>
      <nav aria-label="The bracket before each round">
        <p>
          Odds before:
          ${rounds
            .filter((round) => roundStarts.has(round))
            .map(
              (round, i) =>
                html`${i > 0 ? ' · ' : ''}<a
                    href="${competitionHref(code, season)}?asOf=${roundStarts.get(round)}"
                    ${roundStarts.get(round) === bracket.asOf ? ' aria-current="page"' : ''}
                    >${round}</a
                  >`,
            )}
          · <a href="${competitionHref(code, season)}">today</a>
        </p>
      </nav>
      ${bracket.champion ? html`<p class="notice"><b>${bracket.champion.name}</b> won the competition.</p>` : ''}
      ${
        bracket.phrases.length > 0
          ? html`<ul>
              ${bracket.phrases.map((p) => html`<li>${p}</li>`)}
            </ul>`
          : ''
      }
      ${bracket.teams.length > 0 ? oddsSection(bracket) : ''}
      <h2>Rounds</h2>
      ${bracket.rounds.map(
        (round) =>
          html`<section aria-labelledby="round-${slug(round.name)}">
            <h3 id="round-${slug(round.name)}">
              ${round.name}${round.pairing === 'draw' ? ' (still to be drawn)' : ''}
            </h3>
            ${
              round.ties.length > 0
                ? html`<ul class="plain">
                    ${round.ties.map((tie) => tieItem(tie))}
                  </ul>`
                : html`<p class="muted">
                    Still to be
                    drawn${round.entrants.length > 0 ? `; joining: ${round.entrants.map((t) => t.name).join(', ')}` : ''}.
                  </p>`
            }
          </section>`,
      )}`;
    return layout({ title: name, description: `${name}: bracket and each team's chances`, body });
  }
}

function oddsSection(bracket: BracketReport): Html {
  const later = Object.keys(bracket.teams[0].reach);
  const live = bracket.teams.filter((t) => !t.eliminated);
  return html`<h2>Chances</h2>
    ${chartFigure(
      championChartSvg(
        'champion-chart',
        'Chance of winning the competition',
        live.map((t) => ({ name: t.name, p: t.win })),
      ),
      'Chance of winning the competition, from the bracket as it stood.',
    )}
    <div class="table odds">
      <table>
        <caption>
          Each team's chance of reaching each
          round${bracket.method === 'monte-carlo' ? ` (${bracket.simulation?.runs.toLocaleString('en-GB')} simulated competitions)` : ' (exact)'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            ${later.map((round) => html`<th scope="col" class="num">${round}</th>`)}
            <th scope="col" class="num">Winner</th>
          </tr>
        </thead>
        <tbody>
          ${bracket.teams.map(
            (team) =>
              html`<tr>
                <th scope="row">
                  <a href="${teamHref(team)}">${team.name}</a
                  >${team.eliminated ? html` <span class="muted">out</span>` : ''}
                </th>
                ${[...later.map((round) => team.reach[round]), team.win].map(
                  (p) => html`<td class="num" style="--p: ${p.toFixed(3)}">${percent(p)}</td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

function sideText(side: SideReport): Html {
  if ('team' in side) return html`<a href="${teamHref(side.team)}">${side.team.name}</a>`;
  const candidates = side.candidates.map((c) =>
    c.probability === null ? c.team.name : `${c.team.name} ${percent(c.probability)}`,
  );
  return html`<span>Winner of ${side.winnerOf} <span class="muted">(${candidates.join(' / ')})</span></span>`;
}

function tieItem(tie: TieReport): Html {
  return html`<li>
    ${sideText(tie.sides[0])} v ${sideText(tie.sides[1])}
    ${tie.score ? html` <span class="muted">${tie.score}</span>` : ''}
    ${tie.winner ? html` — <b>${tie.winner.name}</b> through` : ''}
    ${tie.through ? html` — <span data-testid="tie-odds">${percent(tie.through[0])} / ${percent(tie.through[1])}</span>` : ''}
    ${
      tie.pairings && tie.pairings.length > 0
        ? html`<br /><span class="muted"
              >Most likely:
              ${tie.pairings
                .slice(0, 3)
                .map((p) => `${p.teams[0].name} v ${p.teams[1].name} ${percent(p.probability)}`)
                .join('; ')}</span
            >`
        : ''
    }
  </li>`;
}

/** The first match date of every round: the bracket "before the round" is as of that day. */
function firstDateOfEachRound(matches: readonly StoredMatchView[]): Map<string, string> {
  const starts = new Map<string, string>();
  for (const m of matches) {
    if (m.round && (!starts.has(m.round) || m.date < starts.get(m.round)!)) starts.set(m.round, m.date);
  }
  return starts;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
