import { CorrectScoreMarket } from '../forecast/markets.js';
import type { BracketForecast } from './bracket-forecasts.js';
import type { SizedCache } from './byte-budget.js';
import { stringBytes } from './byte-budget.js';
import type { JobInput, JobKind, JobOutput, JobRunner, SecondLegRequest, TeamPageRequest } from './database-work.js';
import type { SecondLegOutlook } from './tie-outlook.js';
import type { DatedForecast, FixtureForecasts, FixtureRequest } from './fixture-forecasts.js';
import type { FixtureOfPreview, PreviewOutcome } from './match-previews.js';

/** What ServerWork needs of the server: its caches (emptied when the database changes) and the database's version. */
export interface WorkHost {
  cache<K, V>(sizeOf: (value: V) => number): SizedCache<K, V>;
  readonly version: number;
}

/**
 * The server's heavy work as pages and routes ask for it: run by the runner (worker threads, so the event loop stays
 * free), one job for any number of identical requests in flight, and brackets and previews kept in the server's
 * byte budget. A result that arrives after the database changed is answered but not kept.
 */
export class ServerWork {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly brackets: SizedCache<string, BracketForecast>;
  private readonly previews: SizedCache<string, PreviewOutcome>;

  constructor(
    private readonly runner: JobRunner,
    private readonly host: WorkHost,
    /** Answers the requests the model loaded at start-up answers (no fitting: done here). */
    private readonly saved: FixtureForecasts | null,
  ) {
    this.brackets = host.cache((report) => stringBytes(JSON.stringify(report)));
    this.previews = host.cache((outcome) =>
      'problem' in outcome
        ? stringBytes(outcome.problem)
        : stringBytes(outcome.articleHtml) + stringBytes(JSON.stringify(outcome.preview)),
    );
  }

  forecast(request: FixtureRequest): Promise<DatedForecast> {
    if (this.saved?.usesSavedModel(request)) {
      try {
        return Promise.resolve(this.saved.forecast(request));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return this.shared('forecast', request);
  }

  bracket(competition: string, season: string, asOf: string): Promise<BracketForecast> {
    return this.kept(this.brackets, 'bracket', { competition, season, asOf });
  }

  preview(fixture: FixtureOfPreview): Promise<PreviewOutcome> {
    return this.kept(this.previews, 'preview', fixture);
  }

  /** A second leg's tie forecast (null: no tie rules for the competition's season). */
  secondLeg(request: SecondLegRequest): Promise<SecondLegOutlook | null> {
    return this.shared('secondLeg', request);
  }

  /** `/api/tie`'s answer for a tie. */
  tie(request: JobInput<'tie'>): Promise<JobOutput<'tie'>> {
    return this.shared('tie', request);
  }

  /** A team page's HTML (null: no such team); the server keeps the rendered pages. */
  teamPage(request: TeamPageRequest): Promise<string | null> {
    return this.shared('teamPage', request);
  }

  /** Stops the workers. */
  close(): Promise<void> {
    return this.runner.close();
  }

  private async kept<K extends 'bracket' | 'preview'>(
    cache: SizedCache<string, JobOutput<K>>,
    kind: K,
    input: JobInput<K>,
  ): Promise<JobOutput<K>> {
    const key = JSON.stringify(input);
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const version = this.host.version;
    const output = await this.shared(kind, input);
    if (this.host.version === version) cache.set(key, output);
    return output;
  }

  /** The job's result; a job like one still running is not run again but waited for. */
  private shared<K extends JobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>> {
    const key = `${this.host.version} ${kind} ${JSON.stringify(input)}`;
    const running = this.inFlight.get(key) as Promise<JobOutput<K>> | undefined;
    if (running) return running;
    const revive = REVIVERS[kind] as ((output: JobOutput<K>) => JobOutput<K>) | undefined;
    const job = this.runner
      .run(kind, input)
      .then((output) => (revive ? revive(output) : output))
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, job);
    return job;
  }
}

/**
 * Results that hold class instances, made whole again: a worker's result arrives as a structured clone, which
 * keeps the data and drops the methods (the correct-score market builds its list on demand and writes it as JSON).
 */
const REVIVERS: { [K in JobKind]?: (output: JobOutput<K>) => JobOutput<K> } = {
  forecast: (forecast) => {
    const { grid, scale } = forecast.markets.correctScore;
    return { ...forecast, markets: { ...forecast.markets, correctScore: new CorrectScoreMarket(grid, scale) } };
  },
};
