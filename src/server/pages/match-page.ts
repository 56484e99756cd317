import { html, raw } from 'hono/html';
import { MatchdayError } from '../../errors.js';
import type { SideReport } from '../../knockout/bracket-forecast.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { findFixtureMatch } from '../../history/preview-history.js';
import { readNextRound, readTies } from '../../knockout/knockout-reader.js';
import { listTeams, type StoredMatchView } from '../../store/match-queries.js';
import { scoreText } from '../display-format.js';
import type { ServerContext } from '../server-context.js';
import { fixtureOfMatch, type PreviewOutcome } from '../match-previews.js';
import { preMatchForecasts } from '../../store/forecast-store.js';
import { forecastSection } from './forecast-section.js';
import { preMatchSection } from './pre-match-forecasts.js';
import { tieSection } from './tie-section.js';
import { layout, type Html } from './layout.js';
import { competitionHref, teamHref } from './match-table.js';
import { isWhatIf, whatIfForm, WhatIfQuery, whatIfProblem, type WhatIf } from './what-if.js';

export interface MatchPageRequest {
  date: string;
  homeId: number;
  awayId: number;
  /** The page's query string, parsed by the what-if schema here. */
  query: Record<string, string>;
}

/**
 * A fixture's page — a stored match, or any pairing on any date: the forecast from the matches before that date
 * (1X2, scorelines, goals), the tie when it is a leg of one, and the what-if form.
 */
export class MatchPage {
  constructor(private readonly server: ServerContext) {}

  /** Null when either team id is unknown. */
  async render(request: MatchPageRequest): Promise<{ status: ContentfulStatusCode; page: Html } | null> {
    const teams = listTeams(this.server.db, [request.homeId, request.awayId]);
    const home = teams.find((t) => t.id === request.homeId);
    const away = teams.find((t) => t.id === request.awayId);
    if (!home || !away || home.id === away.id) return null;
    const match = findFixtureMatch(this.server.db, home.id, away.id, request.date);
    const tie = match?.tieId ? (readTies(this.server.db, { tieId: match.tieId })[0] ?? null) : null;

    const parsed = WhatIfQuery.safeParse(request.query);
    const whatIf: WhatIf = parsed.success ? parsed.data : { homeShift: 0, awayShift: 0 };
    const actualNeutral = match?.neutral ?? false;
    const neutral = whatIf.venue === undefined ? actualNeutral : whatIf.venue === 'neutral';
    const firstLeg = tie && match?.leg === 2 && tie.firstLeg.score.ft ? tie.firstLeg : null;

    const fixtureRequest = {
      home: { teamId: home.id, name: home.name },
      away: { teamId: away.id, name: away.name },
      date: request.date,
      neutral,
      homeShift: whatIf.homeShift,
      awayShift: whatIf.awayShift,
    };
    const forecast = await this.server.work.forecast(fixtureRequest);
    const firstLegScore: [number, number] | null = firstLeg?.score.ft
      ? [whatIf.firstLegHome ?? firstLeg.score.ft[0], whatIf.firstLegAway ?? firstLeg.score.ft[1]]
      : null;
    const outlook =
      match && firstLegScore
        ? await this.server.work.secondLeg({
            competitionCode: match.competition.code,
            season: match.season,
            date: request.date,
            home: { id: home.id, name: home.name },
            away: { id: away.id, name: away.name },
            neutral,
            firstLeg: { hostGoals: firstLegScore[0], visitorGoals: firstLegScore[1] },
            homeShift: whatIf.homeShift,
            awayShift: whatIf.awayShift,
          })
        : null;
    const active = isWhatIf(whatIf, { neutral: actualNeutral, firstLeg: firstLeg?.score.ft ?? null });
    // A what-if page's every number is the changed match's: the bracket's odds, the forecast stored before kick-off
    // and the preview are of the match as it is, so they stay on its own page.
    const asItIs = match && !active ? match : null;
    const beforeTie = tie && asItIs?.leg === 1 ? await this.tieOddsBeforeFirstLeg(asItIs, home.id, away.id) : null;
    const stored = asItIs ? preMatchForecasts(this.server.db, [asItIs.id]).get(asItIs.id) : undefined;
    const preview = asItIs
      ? await this.server.work.preview(fixtureOfMatch(asItIs, { home: home.country, away: away.country }))
      : null;
    const action = `/matches/${request.date}/${home.id}/${away.id}`;
    const title = `${home.name} v ${away.name}`;
    const body = html`${header(home, away, request.date, match)}
      ${parsed.success ? '' : html`<p class="notice error" role="alert">What-if ignored: ${whatIfProblem(parsed.error)}</p>`}
      ${active ? html`<p class="notice" data-testid="what-if-active">What-if: the numbers below are for the changed match, not the match as it is.</p>` : ''}
      ${match && stored ? preMatchSection(match, stored) : ''}
      ${forecastSection(forecast, active ? null : (match?.score.ft ?? null))}
      ${
        tie
          ? tieSection({
              tie,
              outlook,
              beforeTie,
              whatIfFirstLeg:
                firstLegScore &&
                (firstLegScore[0] !== firstLeg?.score.ft?.[0] || firstLegScore[1] !== firstLeg?.score.ft?.[1])
                  ? firstLegScore
                  : null,
              nextRound: match
                ? readNextRound(this.server.db, match.competition.code, match.season, request.date, [home.id, away.id])
                : null,
            })
          : ''
      }
      <section id="what-if" aria-label="What if">
        ${whatIfForm({
          action,
          home: home.name,
          away: away.name,
          whatIf,
          neutral,
          firstLeg: firstLeg
            ? { home: firstLeg.home.name, away: firstLeg.away.name, score: firstLeg.score.ft as [number, number] }
            : null,
          active,
        })}
      </section>
      ${preview ? previewSection(preview) : ''}
      ${
        match && active
          ? html`<section id="preview" aria-labelledby="preview-title">
              <h2 id="preview-title">Preview</h2>
              <p class="muted" data-testid="preview-elsewhere">
                The preview is of the match as it is: <a href="${action}">read it there</a>.
              </p>
            </section>`
          : ''
      }`;
    return {
      status: parsed.success ? 200 : 400,
      page: layout({ title, description: `${title}, ${request.date}: forecast, scorelines and tie odds`, body }),
    };
  }
  /** The bracket's odds for the tie before its first leg (the competition page's model), when it has them. */
  private async tieOddsBeforeFirstLeg(
    match: StoredMatchView,
    homeId: number,
    awayId: number,
  ): Promise<{ home: number; away: number; href: string } | null> {
    let bracket;
    try {
      bracket = await this.server.work.bracket(match.competition.code, match.season, match.date);
    } catch (error) {
      if (error instanceof MatchdayError) return null;
      throw error;
    }
    const teamOf = (side: SideReport) => ('team' in side ? side.team.id : null);
    for (const round of bracket.rounds) {
      for (const tie of round.ties) {
        const ids = tie.sides.map(teamOf);
        if (!tie.through || !ids.includes(homeId) || !ids.includes(awayId)) continue;
        const homeSide = ids.indexOf(homeId);
        return {
          home: tie.through[homeSide],
          away: tie.through[1 - homeSide],
          href: `${competitionHref(match.competition.code, match.season)}?asOf=${match.date}`,
        };
      }
    }
    return null;
  }
}

function header(
  home: { id: number; name: string },
  away: { id: number; name: string },
  date: string,
  match: StoredMatchView | null,
): Html {
  const stage = match
    ? [match.competition.name, match.round, match.leg ? `leg ${match.leg}` : null].filter(Boolean).join(' · ')
    : 'A fixture not in the data';
  return html`<h1><a href="${teamHref(home)}">${home.name}</a> v <a href="${teamHref(away)}">${away.name}</a></h1>
    <p class="meta">
      ${match ? html`<a href="${competitionHref(match.competition.code, match.season)}?asOf=${match.date}">${stage}</a>` : stage}
      · ${date}${match?.venue ? ` · ${match.venue}` : ''}${match?.neutral ? ' · neutral venue' : ''}
    </p>
    ${match?.score.ft ? html`<p class="final-score" aria-label="Final score">${home.name} ${scoreText(match.score)} ${away.name}</p>` : html`<p class="muted">${match ? 'Not played yet in the data.' : `The forecast uses only matches before ${date}.`}</p>`}`;
}

function previewSection(outcome: PreviewOutcome): Html {
  return html`<section id="preview" aria-labelledby="preview-title">
    <h2 id="preview-title">Preview</h2>
    ${
      'problem' in outcome
        ? html`<p class="muted">No preview: ${outcome.problem}</p>`
        : html`<p class="meta">
              Written from the data before kick-off. Open a sentence to see the matches it stands on.
            </p>
            <div class="preview">${raw(outcome.articleHtml)}</div>`
    }
  </section>`;
}
