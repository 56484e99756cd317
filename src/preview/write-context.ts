import { MatchdayError } from '../errors.js';
import type { Fact } from '../insights/facts.js';
import { SeededRandom } from '../models/random.js';
import type { StoredMatchView } from '../store/match-queries.js';
import { matchReceiptLabel, type DocumentReceipt, type MatchReceipt, type PreviewFact } from './preview-document.js';

/**
 * What every section writer shares: the fixture's teams, the matches facts point at, a seeded choice among
 * templates (the same seed always writes the same preview), and the register of cited facts. A writer gets a
 * fact id only by citing something real — an insight fact, a match, a dossier entry, a model — so a sentence can
 * only be written from something the preview can show.
 */
export interface WriteContextOptions {
  seed: number;
  fixtureDate: string;
  home: { teamId: number | null; name: string };
  away: { teamId: number | null; name: string };
  /** Every match a fact may cite (the gathered history, the first leg, the played fixture). */
  matches: readonly StoredMatchView[];
}

/** How a fact's footnote names it ("Head to head: …", "Precedent: …"). */
const FACT_KIND_LABELS: Record<Fact['kind'], string> = {
  form: 'form',
  'wins-in-last': 'form',
  run: 'run',
  'every-game-this-season': 'season so far',
  'h2h-record': 'head-to-head',
  'h2h-first-meeting': 'first meeting',
  'h2h-last-meeting': 'last meeting',
  'h2h-never-met': 'head-to-head',
  'h2h-away-start': 'record at the ground',
  'margin-record': 'record',
  'comeback-record': 'comebacks',
  'top-scorers': 'scorers',
  'scorer-vs-opponent': 'scorers',
  'tie-precedent': 'precedent',
};

export class WriteContext {
  readonly fixtureDate: string;
  readonly home: { teamId: number | null; name: string };
  readonly away: { teamId: number | null; name: string };
  private readonly random: SeededRandom;
  private readonly matchesById = new Map<number, StoredMatchView>();
  private readonly names = new Map<number, string>();
  private readonly registered = new Map<string, PreviewFact>();
  private readonly insightIds = new Map<Fact, string>();
  private readonly perKind = new Map<string, number>();

  constructor(options: WriteContextOptions) {
    this.fixtureDate = options.fixtureDate;
    this.home = options.home;
    this.away = options.away;
    this.random = new SeededRandom(options.seed);
    for (const m of options.matches) {
      this.matchesById.set(m.id, m);
      this.names.set(m.home.id, m.home.name);
      this.names.set(m.away.id, m.away.name);
    }
    // The fixture's names win over older spellings in the history.
    for (const side of [options.home, options.away]) if (side.teamId !== null) this.names.set(side.teamId, side.name);
  }

  /** One of the variants, chosen by the seeded generator. */
  pick<T>(variants: readonly T[]): T {
    if (variants.length === 0) throw new MatchdayError('INVALID_ARGUMENT', 'no template to choose from');
    return variants[Math.floor(this.random.uniform() * variants.length)];
  }

  teamName(teamId: number): string {
    const name = this.names.get(teamId);
    if (name === undefined) throw new MatchdayError('PREVIEW_UNKNOWN_TEAM', `team ${teamId} is in no cited match`);
    return name;
  }

  /** The fixture side a team id is, if either. */
  sideOf(teamId: number): 'home' | 'away' | null {
    if (teamId === this.home.teamId) return 'home';
    if (teamId === this.away.teamId) return 'away';
    return null;
  }

  match(matchId: number): StoredMatchView {
    const match = this.matchesById.get(matchId);
    if (!match) throw new MatchdayError('PREVIEW_UNKNOWN_MATCH', `match ${matchId} is not in the preview's history`);
    return match;
  }

  /** Cites an insight fact: its receipts are its matches. The same fact always gets the same id. */
  cite(fact: Fact): string {
    const known = this.insightIds.get(fact);
    if (known) return known;
    const id = this.nextId(fact.kind);
    this.register({
      id,
      kind: FACT_KIND_LABELS[fact.kind],
      matches: fact.matchIds.map((m) => this.receipt(m)),
      documents: [],
    });
    this.insightIds.set(fact, id);
    return id;
  }

  /** Cites something that is not an insight fact (a dossier entry, a model, a single match) under a chosen id. */
  citeOther(
    id: string,
    kind: string,
    receipts: { matchIds?: readonly number[]; documents?: readonly DocumentReceipt[] },
  ): string {
    const fact: PreviewFact = {
      id,
      kind,
      matches: (receipts.matchIds ?? []).map((m) => this.receipt(m)),
      documents: [...(receipts.documents ?? [])],
    };
    const existing = this.registered.get(id);
    if (existing && JSON.stringify(existing) !== JSON.stringify(fact)) {
      throw new MatchdayError('PREVIEW_FACT_ID', `fact id ${id} is used for two different facts`);
    }
    this.register(fact);
    return id;
  }

  /** Every cited fact, in the order first cited. */
  facts(): PreviewFact[] {
    return [...this.registered.values()];
  }

  receipt(matchId: number): MatchReceipt {
    const m = this.match(matchId);
    const score = m.score.et ?? m.score.ft;
    if (!score) throw new MatchdayError('PREVIEW_UNPLAYED', `match ${matchId} has no score to cite`);
    return {
      matchId,
      label: matchReceiptLabel({
        date: m.date,
        home: m.home.name,
        away: m.away.name,
        homeGoals: score[0],
        awayGoals: score[1],
        competition: m.competition.name,
      }),
    };
  }

  private nextId(kind: string): string {
    const n = (this.perKind.get(kind) ?? 0) + 1;
    this.perKind.set(kind, n);
    return `${kind}-${n}`;
  }

  private register(fact: PreviewFact): void {
    if (!this.registered.has(fact.id)) this.registered.set(fact.id, fact);
  }
}
