import { MatchdayError } from '../errors.js';
import { registryOf } from '../store/competition-store.js';
import { reviewPreMatchForecast } from '../history/pre-match-review.js';
import { findTeam } from '../history/team-lookup.js';
import { preMatchForecasts, type PreMatchForecast } from '../store/forecast-store.js';
import { findMatches, goalsOfMatches, sourcesOfMatches } from '../store/match-queries.js';
import { openCommandDatabase } from './database-option.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

export interface MatchesOptions extends CommonOptions {
  team: string;
  competition?: string;
  season?: string;
}

/** `matchday matches`, loaded when the command runs (start-up and --help stay fast). */
export function runMatchesCommand(options: MatchesOptions): Promise<void> {
  return runCommand(options, () => {
    const db = openCommandDatabase(options, { readonly: true });
    const team = findTeam(db, options.team);
    let competitionCode: string | undefined;
    if (options.competition) {
      const competition = registryOf(db).find(options.competition);
      if (!competition)
        throw new MatchdayError('UNKNOWN_COMPETITION', `unknown competition ${options.competition}`, {
          field: 'competition',
        });
      competitionCode = competition.code;
    }
    const matches = findMatches(db, { teamId: team.teamId, competitionCode, season: options.season });
    const ids = matches.map((m) => m.id);
    const goals = goalsOfMatches(db, ids);
    const sources = sourcesOfMatches(db, ids);
    const forecasts = preMatchForecasts(db, ids);
    db.close();
    // What the forecast stored before kick-off had given the score and the result that came.
    const review = (id: number, ft: [number, number] | null) => {
      const forecast = forecasts.get(id);
      return forecast && ft ? reviewPreMatchForecast(forecast, ft) : null;
    };
    if (options.json) {
      return printJson({
        team: { id: team.teamId, name: team.name, country: team.country },
        count: matches.length,
        matches: matches.map((m) => ({
          ...m,
          goals: goals.get(m.id) ?? [],
          sources: sources.get(m.id) ?? [],
          preMatchForecast: forecastJson(forecasts.get(m.id), review(m.id, m.score.ft)),
        })),
      });
    }
    printTable(
      ['date', 'competition', 'round', 'home', 'score', 'away', 'leg', 'ground', 'forecast beforehand'],
      matches.map((m) => [
        m.date,
        m.competition.code,
        m.round ?? '',
        m.home.name,
        formatScore(m.score),
        m.away.name,
        m.leg ?? '',
        m.neutral ? 'neutral' : '',
        forecastCell(forecasts.get(m.id), review(m.id, m.score.ft)),
      ]),
    );
  });
}

function formatScore(score: {
  ft: [number, number] | null;
  et: [number, number] | null;
  pens: [number, number] | null;
}): string {
  if (!score.ft && !score.et) return '-';
  // Some sources give a match that went to extra time only its score after it.
  let text = score.ft ? `${score.ft[0]}-${score.ft[1]}` : '';
  if (score.et) text += `${text ? ' ' : ''}aet ${score.et[0]}-${score.et[1]}`;
  if (score.pens) text += ` pens ${score.pens[0]}-${score.pens[1]}`;
  return text;
}

const percent = (p: number) => `${(100 * p).toFixed(1)}%`;

/** `1X2 52/25/23%; gave the 2-1 9.1%, the home win 52.0%` — or the 1X2 alone before the result is in. */
function forecastCell(
  forecast: PreMatchForecast | undefined,
  review: ReturnType<typeof reviewPreMatchForecast> | null,
): string {
  if (!forecast) return '';
  const r = forecast.result;
  const oneXTwo = `1X2 ${[r.home, r.draw, r.away].map((p) => (100 * p).toFixed(0)).join('/')}%`;
  if (!review) return oneXTwo;
  const outcome = { home: 'home win', draw: 'draw', away: 'away win' }[review.outcome];
  return `${oneXTwo}; gave the score ${percent(review.scoreProbability)}, the ${outcome} ${percent(review.outcomeProbability)}`;
}

function forecastJson(
  forecast: PreMatchForecast | undefined,
  review: ReturnType<typeof reviewPreMatchForecast> | null,
) {
  if (!forecast) return null;
  return {
    model: forecast.model,
    madeAt: forecast.madeAt,
    dataBefore: forecast.dataBefore,
    matchesFitted: forecast.matchesFitted,
    result: forecast.result,
    expectedGoals: forecast.expectedGoals,
    scores: forecast.scores,
    ...(review && {
      scoreProbability: review.scoreProbability,
      outcome: review.outcome,
      outcomeProbability: review.outcomeProbability,
    }),
  };
}
