import { forecastFixtures, instantOn, selectFixtures, type ForecastedFixture } from '../app/upcoming-fixtures.js';
import { registryOf } from '../store/competition-store.js';
import { openCommandDatabase } from './database-option.js';
import { parseCompetitions, parseDate, parseDateRange } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';
import { progressBar } from './progress.js';

export interface FixturesOptions extends CommonOptions {
  competitions?: string;
  from?: string;
  to?: string;
  today?: string;
}

/** `matchday fixtures`, loaded when the command runs (start-up and --help stay fast). */
export function runFixturesCommand(options: FixturesOptions): Promise<void> {
  return runCommand(options, () => {
    const today = options.today ? parseDate(options.today, 'today') : new Date().toISOString().slice(0, 10);
    const db = openCommandDatabase(options);
    const bar = progressBar(!options.json, 'forecasting');
    let forecasts: ForecastedFixture[];
    try {
      const fixtures = selectFixtures(db, {
        competitions: options.competitions ? parseCompetitions(options.competitions, registryOf(db)) : [],
        ...parseDateRange(options.from, options.to),
        today,
      });
      forecasts = forecastFixtures(db, fixtures, {
        madeAt: instantOn(today),
        onProgress: (done, total, item) => bar.update(done, total, item),
      });
    } finally {
      bar.stop();
      db.close();
    }
    if (options.json) return printJson({ today, count: forecasts.length, fixtures: forecasts.map(fixtureJson) });
    if (forecasts.length === 0) {
      process.stdout.write('no fixtures to come in the database for these dates and competitions\n');
      return;
    }
    printTable(
      ['date', 'time', 'competition', 'home', 'away', '1', 'X', '2', 'xG', 'likeliest'],
      forecasts.map(({ match, forecast, problem }) => [
        match.date,
        match.time ?? '',
        match.competition.code,
        match.home.name,
        match.away.name,
        ...(forecast
          ? [
              percent(forecast.markets.result.home),
              percent(forecast.markets.result.draw),
              percent(forecast.markets.result.away),
              `${forecast.expectedGoals.home.toFixed(2)}-${forecast.expectedGoals.away.toFixed(2)}`,
              likeliest(forecast),
            ]
          : ['', '', '', '', `no forecast: ${problem}`]),
      ]),
    );
  });
}

const percent = (p: number) => `${(100 * p).toFixed(0)}%`;

function likeliest(forecast: NonNullable<ForecastedFixture['forecast']>): string {
  const top = forecast.markets.scoreAnalysis.overall[0];
  return `${top.home}-${top.away} ${(100 * top.probability).toFixed(1)}%`;
}

export function fixtureJson({ match, forecast, problem, stored }: ForecastedFixture) {
  return {
    id: match.id,
    date: match.date,
    time: match.time,
    competition: match.competition.code,
    season: match.season,
    round: match.round,
    home: match.home,
    away: match.away,
    neutral: match.neutral,
    forecast: forecast && {
      model: forecast.model.family,
      dataBefore: forecast.model.data.before,
      matchesFitted: forecast.model.data.matches,
      result: {
        home: forecast.markets.result.home,
        draw: forecast.markets.result.draw,
        away: forecast.markets.result.away,
      },
      expectedGoals: forecast.expectedGoals,
      likeliestScores: forecast.markets.scoreAnalysis.overall.slice(0, 3),
    },
    problem,
    storedAsPreMatch: stored,
  };
}
