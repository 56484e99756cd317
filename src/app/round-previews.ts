/**
 * A round in one go: the preview of every fixture in a window (or each competition's next round) and an index of
 * them with each forecast. The forecasts are those of the fixtures list (stored as pre-match forecasts); each preview
 * fits the same model on the same history, so its numbers are the index's.
 */
import { MatchdayError } from '../errors.js';
import { slug } from '../competitions/registry.js';
import { composePreview } from '../preview/compose-preview.js';
import { preparePreview } from '../preview/prepare-preview.js';
import type { Preview } from '../preview/preview-document.js';
import type { RoundIndexEntry } from '../preview/render-round-index.js';
import type { Db } from '../store/database.js';
import { teamInfo } from '../store/match-queries.js';
import { forecastFixtures, selectFixtures, type FixtureSelection } from './upcoming-fixtures.js';

export interface RoundPreview {
  entry: RoundIndexEntry;
  /** Null when no preview could be written (entry.problem says why). */
  preview: Preview | null;
}

export function composeRoundPreviews(
  db: Db,
  selection: FixtureSelection,
  options: { madeAt?: string; extension: string; onProgress?: (done: number, total: number, item: string) => void },
): RoundPreview[] {
  const fixtures = selectFixtures(db, selection);
  const forecasts = forecastFixtures(db, fixtures, { madeAt: options.madeAt });
  const countries = teamInfo(db, [...new Set(fixtures.flatMap((m) => [m.home.id, m.away.id]))]);
  // The country pins a name to the team of this id (two clubs in different countries may share a name).
  const named = (team: { id: number; name: string }) => {
    const country = countries.get(team.id)?.country;
    return country ? `${team.name} (${country})` : team.name;
  };
  return forecasts.map(({ match, forecast, problem }, index) => {
    options.onProgress?.(index, forecasts.length, `${match.home.name} v ${match.away.name}`);
    const entry: RoundIndexEntry = {
      date: match.date,
      time: match.time,
      competition: match.competition.name,
      round: match.round,
      home: match.home.name,
      away: match.away.name,
      file: `${match.date}-${slug(match.home.name)}-${slug(match.away.name)}.${options.extension}`,
      forecast: forecast && {
        home: forecast.markets.result.home,
        draw: forecast.markets.result.draw,
        away: forecast.markets.result.away,
        expectedGoals: forecast.expectedGoals,
      },
      problem,
    };
    try {
      const input = preparePreview(db, {
        home: named(match.home),
        away: named(match.away),
        date: match.date,
        competition: match.competition.code,
        dossier: null,
      });
      return { entry, preview: composePreview(input) };
    } catch (error) {
      if (!(error instanceof MatchdayError)) throw error;
      return { entry: { ...entry, file: null, problem: error.message }, preview: null };
    }
  });
}
