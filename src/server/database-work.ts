import { findTeam } from '../history/team-lookup.js';
import type { Dossier } from '../preview/dossier.js';
import { dataVersion, type Db } from '../store/database.js';
import { loadTeamDirectory } from '../store/team-store.js';
import { TiePricer } from '../knockout/tie-pricer.js';
import { BracketForecasts, type BracketForecast } from './bracket-forecasts.js';
import { FixtureForecasts, type DatedForecast, type FixtureRequest } from './fixture-forecasts.js';
import { MatchPreviews, type FixtureOfPreview, type PreviewOutcome } from './match-previews.js';
import { TeamPage } from './pages/team-page.js';
import { TieOutlooks, type SecondLegOutlook, type TieAnswer, type TieAnswerRequest } from './tie-outlook.js';

/** A competition-season's bracket as it stood before a day's matches. */
export interface BracketRequest {
  competition: string;
  season: string;
  asOf: string;
}

/** A team's page: its id, the season shown (default: its latest), today (for its form). */
export interface TeamPageRequest {
  teamId: number;
  season: string | undefined;
  today: string;
}

export type SecondLegRequest = Parameters<TieOutlooks['secondLeg']>[0];

/** The server's heavy work, each kind with its input and its result: plain data, so a worker thread can run it. */
export interface JobTypes {
  /** Fits the forecaster (or a single model) when its scope and date are new, then prices the fixture. */
  forecast: { input: FixtureRequest; output: DatedForecast };
  /** Prices every remaining tie of a bracket (seconds when cold). */
  bracket: { input: BracketRequest; output: BracketForecast };
  /** Reads both teams' histories and writes a preview (seconds). */
  preview: { input: FixtureOfPreview; output: PreviewOutcome };
  /** Fits the legs' model and prices a second leg (null: no tie rules for the competition's season). */
  secondLeg: { input: SecondLegRequest; output: SecondLegOutlook | null };
  /** Fits the legs' model and prices a tie as `/api/tie` is asked: its JSON answer. */
  tie: { input: TieAnswerRequest; output: TieAnswer };
  /** Reads all of a team's matches and runs Elo over its leagues: the page's HTML, or null for no such team. */
  teamPage: { input: TeamPageRequest; output: string | null };
}

export type JobKind = keyof JobTypes;
export type JobInput<K extends JobKind> = JobTypes[K]['input'];
export type JobOutput<K extends JobKind> = JobTypes[K]['output'];

/** Runs jobs, on this thread or elsewhere. */
export interface JobRunner {
  run<K extends JobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>>;
  /** Stops the runner's threads (if any); jobs still running are rejected. */
  close(): Promise<void>;
}

export interface DatabaseWorkOptions {
  /** Dossiers (team news, line-ups, venue, quotes) for the previews of their fixtures. */
  dossiers: readonly Dossier[];
  /** Fitted models kept in memory. */
  modelCacheSize: number;
}

/**
 * The jobs over one read-only database handle: what a server worker thread runs (or the server itself, with no
 * workers). Fitted models are kept here, by what they were fitted on; when another process commits to the
 * database, the next job finds its data_version changed and starts afresh.
 */
export class DatabaseWork {
  private version = -1;
  /** Built at the first job (and again when the database changes). */
  private state: WorkState | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: DatabaseWorkOptions,
  ) {}

  run<K extends JobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>> {
    try {
      const version = dataVersion(this.db);
      if (this.state === null || version !== this.version) {
        this.version = version;
        this.state = this.derive();
      }
      const state = this.state;
      const jobs: { [J in JobKind]: (input: JobInput<J>) => JobOutput<J> | Promise<JobOutput<J>> } = {
        forecast: (request) => state.forecasts.forecast(request),
        bracket: ({ competition, season, asOf }) => state.brackets.forecast(competition, season, asOf),
        preview: (fixture) => state.previews.of(fixture),
        secondLeg: (request) => state.ties.secondLeg(request),
        tie: (request) => state.ties.answer(request),
        teamPage: async ({ teamId, season, today }) => {
          const page = state.teamPages.render(teamId, season, today);
          return page === null ? null : (await page).toString();
        },
      };
      return Promise.resolve(jobs[kind](input));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  private derive(): WorkState {
    const { db } = this;
    const directory = loadTeamDirectory(db);
    // One pricer for every tie and bracket the server shows, as `matchday tie`, `bracket` and the preview price them.
    const pricer = new TiePricer(db);
    const dossiers = this.options.dossiers.map((dossier) => ({
      dossier,
      homeId: findTeam(db, dossier.fixture.home, directory).teamId,
      awayId: findTeam(db, dossier.fixture.away, directory).teamId,
    }));
    return {
      forecasts: new FixtureForecasts(db, null, this.options.modelCacheSize),
      brackets: new BracketForecasts(db, pricer),
      previews: new MatchPreviews(db, dossiers),
      ties: new TieOutlooks(db, pricer),
      teamPages: new TeamPage(db),
    };
  }
}

interface WorkState {
  forecasts: FixtureForecasts;
  brackets: BracketForecasts;
  previews: MatchPreviews;
  ties: TieOutlooks;
  teamPages: TeamPage;
}

/** Runs jobs on the server's own thread: from TypeScript source (tests), or with `workers: 0`. */
export class InlineRunner implements JobRunner {
  constructor(private readonly work: DatabaseWork) {}

  run<K extends JobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>> {
    return this.work.run(kind, input);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
