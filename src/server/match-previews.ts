import { MatchdayError } from '../errors.js';
import { composePreview } from '../preview/compose-preview.js';
import type { Dossier } from '../preview/dossier.js';
import { preparePreview } from '../preview/prepare-preview.js';
import type { Preview } from '../preview/preview-document.js';
import { renderHtml } from '../preview/render-html.js';
import type { Db } from '../store/database.js';
import type { StoredMatchView } from '../store/match-queries.js';

export interface DossierOfFixture {
  dossier: Dossier;
  homeId: number;
  awayId: number;
}

export interface FixtureOfPreview {
  home: { id: number; name: string; country: string | null };
  away: { id: number; name: string; country: string | null };
  date: string;
  competitionCode: string;
}

/** A preview, or why there is none (a MatchdayError's message). */
export type PreviewOutcome = { preview: Preview; articleHtml: string } | { problem: string };

/**
 * Match previews for the pages and the API. Writing one reads both teams' histories and fits a model, a few seconds:
 * the server writes them on a worker thread and keeps them (server/server-work.ts).
 */
export class MatchPreviews {
  constructor(
    private readonly db: Db,
    /** Dossiers loaded at start-up (`serve --dossier`), with the ids of their teams. */
    private readonly dossiers: readonly DossierOfFixture[] = [],
  ) {}

  of(fixture: FixtureOfPreview): PreviewOutcome {
    return this.write(fixture);
  }

  private write(fixture: FixtureOfPreview): PreviewOutcome {
    // The country pins the name to the team of this id (two clubs in different countries may share a name).
    const named = (team: FixtureOfPreview['home']) => (team.country ? `${team.name} (${team.country})` : team.name);
    try {
      const dossier = this.dossiers.find(
        (d) => d.dossier.fixture.date === fixture.date && d.homeId === fixture.home.id && d.awayId === fixture.away.id,
      );
      const input = preparePreview(this.db, {
        home: named(fixture.home),
        away: named(fixture.away),
        date: fixture.date,
        competition: fixture.competitionCode,
        dossier: dossier?.dossier ?? null,
      });
      if (input.fixture.home.teamId !== fixture.home.id || input.fixture.away.teamId !== fixture.away.id) {
        return { problem: 'the team names lead to other teams in the database, so no preview is written' };
      }
      const preview = composePreview(input);
      return { preview, articleHtml: previewArticle(renderHtml(preview)) };
    } catch (error) {
      if (error instanceof MatchdayError) return { problem: error.message };
      throw error;
    }
  }
}

/**
 * The preview's article from the standalone page render-html writes (so the page and the file show the same
 * markup): its `<article>` contents with every heading one level down, as it sits under the match page's own h1.
 * render-html escapes all text, so every `<h1>`…`<h5>` in it is a tag.
 */
export function previewArticle(page: string): string {
  const start = page.indexOf('<article>');
  const end = page.lastIndexOf('</article>');
  if (start < 0 || end < start) throw new Error('render-html wrote no <article>');
  return page
    .slice(start + '<article>'.length, end)
    .replace(/<(\/?)h([1-5])\b/g, (_, slash: string, level: string) => `<${slash}h${Number(level) + 1}`);
}

/** The fixture of a stored match, for its preview. */
export function fixtureOfMatch(
  match: StoredMatchView,
  countries: { home: string | null; away: string | null },
): FixtureOfPreview {
  return {
    home: { ...match.home, country: countries.home },
    away: { ...match.away, country: countries.away },
    date: match.date,
    competitionCode: match.competition.code,
  };
}
