/**
 * matchday as a library. The forecaster behind `predict`, previews, the server and the backtest:
 *
 *   const db = openDatabase('matchday.db', { readonly: true });
 *   const forecast = predictFixture(db, { home: 'Atalanta', away: 'Liverpool', date: '2024-04-18' });
 *   forecast.markets.result; // { home, draw, away, fairOdds }
 *   const tie = priceTie(db, { teamA: 'Atalanta', teamB: 'Liverpool', competition: 'uefa.el', season: '2023-24' });
 *   tie.teams; // each side's chance of going through: in 90 minutes, extra time, penalties
 *
 * Keep one `Forecasts` (over `storeForecastSource(db)`) for many fixtures: fits are kept per scope and date. For a
 * fixture's score grid alone: `forecasts.scoreGrid(fixture, fitDate)`.
 */
export { predictFixture, type PredictRequest } from './app/predict.js';
export {
  priceTie,
  type PriceTieOptions,
  type PriceTieRequest,
  type TieOutlook,
  type TieOutlookTeam,
} from './app/price-tie.js';
export { ERROR_STATUS, MatchdayError, type ErrorCode } from './errors.js';
export { writePreview, type PreviewRequest } from './app/write-preview.js';
export { listMatches, type ListedMatch, type MatchesRequest, type MatchList } from './app/list-matches.js';
export { predictBracket, type BracketForecast, type BracketRequest } from './app/predict-bracket.js';
export {
  forecastFixture,
  forecasterModel,
  forecastWithForecaster,
  type FixtureForecast,
  type FixtureModel,
  type ModelFixture,
} from './forecast/fixture-forecast.js';
export {
  FORECASTER,
  fitForecaster,
  Forecaster,
  forecasterFromState,
  type ForecastOutcome,
  type ForecasterConstants,
  type ForecasterState,
  type MatchForecast,
} from './forecast/forecaster.js';
export { Forecasts } from './forecast/forecasts.js';
export { computeMarkets, type Markets } from './forecast/markets.js';
export type { Fixture, Probabilities1x2 } from './forecast/match-forecaster.js';
export { forecasterFile, parseModelFile, type ForecasterFile } from './forecast/model-file.js';
export { lookUpFixture } from './history/fixture-lookup.js';
export { storeForecastSource, type ForecastHistory, type ForecastSource } from './history/forecast-history.js';
export { findTeam } from './history/team-lookup.js';
export type { ScoreGrid } from './models/score-grid.js';
export { parseDossier, type Dossier } from './preview/dossier.js';
export { renderJson, type Preview } from './preview/preview-document.js';
export { renderHtml } from './preview/render-html.js';
export { renderMarkdown } from './preview/render-markdown.js';
export { openDatabase } from './store/database.js';
export { importPaths } from './store/import-files.js';
