import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/insights/facts.js';
import { composePreview } from '../../src/preview/compose-preview.js';
import { checkPreview, citedFactIds } from '../../src/preview/preview-document.js';
import { WriteContext } from '../../src/preview/write-context.js';
import {
  competitionInSentence,
  durationPhrase,
  monthSpan,
  numberWord,
  timesWord,
  venueInSentence,
} from '../../src/preview/write-english.js';
import { writeMatchPreview } from '../../src/preview/write-match-preview.js';
import { computeFacts } from '../../src/insights/compute-facts.js';
import { composeInput, exampleDossier, FIXTURE, sentencesOf, tieFacts, tieHistory } from './compose-input.js';

describe('facts → sentences', () => {
  it('gives every sentence at least one fact, every cited fact an entry, and every entry a citation', () => {
    const preview = composePreview(composeInput({ dossier: exampleDossier() }));
    expect(() => checkPreview(preview)).not.toThrow();
    const sentences = sentencesOf(preview);
    expect(sentences.length).toBeGreaterThan(15);
    for (const s of sentences) expect(s.factIds.length, s.text).toBeGreaterThan(0);
    const cited = new Set(citedFactIds(preview));
    expect(new Set(preview.facts.map((f) => f.id))).toEqual(cited);
  });

  it("cites an insight fact with exactly the fact's matches as receipts, in order", () => {
    const input = composeInput();
    const preview = composePreview(input);
    const kinds = new Set<string>(input.facts.map((f) => f.kind));
    const insightFacts = preview.facts.filter((f) => kinds.has(f.id.replace(/-\d+$/, '')));
    expect(insightFacts.length).toBeGreaterThan(8);
    for (const written of insightFacts) {
      const kind = written.id.replace(/-\d+$/, '');
      const receipts = written.matches.map((m) => m.matchId).join(',');
      expect(
        input.facts.some((f) => f.kind === kind && f.matchIds.join(',') === receipts),
        written.id,
      ).toBe(true);
    }
  });

  it('writes no match-preview sentence without a fact: no facts, no section; one fact, one sentence', () => {
    const none = composePreview(composeInput({ facts: [] }));
    expect(none.sections.map((s) => s.id)).not.toContain('match-preview');
    expect(none.facts.map((f) => f.kind)).toEqual(expect.not.arrayContaining(['form', 'run', 'precedent']));

    const all = tieFacts(tieHistory().matches);
    const form = all.find(
      (f): f is Extract<Fact, { kind: 'form' }> => f.kind === 'form' && f.teamId === 1 && f.competitions === 'all',
    )!;
    const one = composePreview(composeInput({ facts: [form] }));
    const written = sentencesOf(one).filter((s) => s.section === 'match-preview');
    expect(written).toHaveLength(1);
    const [id] = written[0].factIds;
    expect(one.facts.find((f) => f.id === id)?.matches.map((m) => m.matchId)).toEqual(form.matchIds);
    expect(written[0].text).toContain(form.results.join(''));
  });

  it('drops exactly the sentences of a fact family that is removed', () => {
    const facts = tieFacts(tieHistory().matches);
    const families = new Set(facts.map((f) => f.family));
    expect(families).toEqual(new Set(['form', 'streaks', 'head-to-head', 'records', 'precedent']));
    const full = sentencesOf(composePreview(composeInput({ facts })));
    for (const family of families) {
      const kinds = new Set<string>(facts.filter((f) => f.family === family).map((f) => f.kind));
      const without = composePreview(composeInput({ facts: facts.filter((f) => f.family !== family) }));
      expect(
        without.facts.filter((f) => kinds.has(f.id.replace(/-\d+$/, ''))),
        family,
      ).toEqual([]);
      expect(sentencesOf(without).length, family).toBeLessThan(full.length);
    }
  });

  it('states the facts it is given: the first leg, the precedent count, the defeat run and its previous run', () => {
    const preview = composePreview(composeInput());
    const text = sentencesOf(preview)
      .map((s) => s.text)
      .join(' ');
    expect(text).toMatch(
      /(Team 2|They) have lost two (successive|consecutive|straight) matches, for the first time since a run of three in March and April 2023\./,
    );
    expect(text).toMatch(
      /Team 1 won the first leg 3-0 at Team 2 on 11 April|The first leg, at Team 2 on 11 April, went 3-0 to Team 1/,
    );
    expect(text).toMatch(
      /(In|of) two earlier UEFA Europa League knockout ties (where|in which) a side won the first leg away from home by three goals or more, that side went through every time\./,
    );
  });

  it('scopes the claims to what the data covers: no "all competitions" or "first time since" over a gap', () => {
    const { matches } = tieHistory();
    // Team 2's 2022-23 cup matches are not in the data; its 2023-24 season is held whole.
    const coverage = (team: number, season: string) => ({
      allCompetitions: team !== 2 || season !== '2022-23',
      held: [
        {
          competition: 'eng.1',
          name: 'Premier League',
          kind: 'league' as const,
          played: 30,
          scheduled: 0,
          status: 'complete' as const,
        },
        {
          competition: 'uefa.el',
          name: 'UEFA Europa League',
          kind: 'continental' as const,
          played: 8,
          scheduled: 0,
          status: 'complete' as const,
        },
      ],
      missing: [],
    });
    const facts = computeFacts({ fixture: { ...FIXTURE }, matches, coverage });
    const text = sentencesOf(composePreview(composeInput({ facts })))
      .map((s) => s.text)
      .join(' ');
    expect(text).toMatch(/Team 2 have lost two (successive|consecutive|straight) matches\. /);
    expect(text).not.toContain('for the first time since a run of three in March and April 2023');

    // Only its 2023-24 cup matches missing: the form over this season is "league and European matches".
    const lacking = (team: number, season: string) => ({ ...coverage(team, season), allCompetitions: team !== 2 });
    const scoped = sentencesOf(
      composePreview(composeInput({ facts: computeFacts({ fixture: { ...FIXTURE }, matches, coverage: lacking }) })),
    )
      .map((s) => s.text)
      .join(' ');
    expect(scoped).toMatch(
      /Team 2's last six results read|Team 2 have [^.]* of their last six league and European matches/,
    );
    expect(scoped).not.toMatch(/Team 2[^.]*all competitions/);
    expect(scoped).toContain('league and European matches');
    // Their meetings are counted over seasons the data lacks matches of: every wording says "in the data".
    for (let seed = 1; seed <= 12; seed++) {
      const input = composeInput({
        facts: computeFacts({ fixture: { ...FIXTURE }, matches, coverage: lacking }),
        seed,
      });
      const meetings = sentencesOf(composePreview(input)).filter((s) => /have met twice/.test(s.text));
      expect(meetings.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const s of meetings) expect(s.text).toContain('twice in the data');
    }
  });

  it('is deterministic for a seed and varies its wording across seeds', () => {
    const a = composePreview(composeInput({ seed: 7 }));
    const b = composePreview(composeInput({ seed: 7 }));
    expect(b).toEqual(a);
    const wordings = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      wordings.add(JSON.stringify(sentencesOf(composePreview(composeInput({ seed }))).map((s) => s.text)));
    }
    expect(wordings.size).toBeGreaterThan(1);
    // Whatever the wording, the same facts are cited.
    const cited = (seed: number) => citedFactIds(composePreview(composeInput({ seed }))).sort();
    expect(cited(3)).toEqual(cited(11));
  });

  it('cites each team-news sentence to the dossier lines of its players', () => {
    const dossier = exampleDossier();
    const preview = composePreview(composeInput({ dossier }));
    const news = sentencesOf(preview).filter((s) => s.section === 'team-news');
    const lines = new Map(preview.facts.map((f) => [f.id, f.documents.map((d) => d.line)]));
    const scalvini = news.find((s) => s.text.includes('Scalvini'));
    expect(scalvini?.factIds.flatMap((id) => lines.get(id))).toEqual([dossier.teamNews.home[0].line]);
    const grouped = news.find((s) => s.text.includes('Ben Doak'));
    expect(grouped?.factIds).toHaveLength(3);
    expect(grouped?.text).toMatch(/Ben Doak \(knee\), Joel Matip \(knee\) and Thiago Alcantara \(muscle\)/);
  });

  it('writes a quote word for word with its speaker and dossier line', () => {
    const dossier = exampleDossier();
    const { matches } = tieHistory();
    const ctx = new WriteContext({
      seed: 1,
      fixtureDate: '2024-04-18',
      home: { teamId: 1, name: 'Team 1' },
      away: { teamId: 2, name: 'Team 2' },
      matches,
    });
    const paragraphs = writeMatchPreview(ctx, {
      facts: [],
      firstLegMatchId: null,
      quotes: dossier.quotes,
      quoteMatches: [null],
      quoteTeams: [1],
      dossierFile: dossier.file,
    });
    expect(paragraphs).toEqual([
      {
        kind: 'text',
        sentences: [{ text: 'Atalanta coach Gian Piero Gasperini told Sky Italia on Monday:', factIds: ['quote-1'] }],
      },
      expect.objectContaining({
        kind: 'quote',
        text: dossier.quotes[0].text,
        speaker: 'Gian Piero Gasperini, Atalanta coach',
      }),
    ]);
    expect(ctx.facts()[0].documents[0].line).toBe(dossier.quotes[0].line);
  });
});

describe('plain English pieces', () => {
  it('writes numbers, spans and grounds as readers say them', () => {
    expect([0, 3, 10, 11, 1330].map(numberWord)).toEqual(['no', 'three', 'ten', '11', '1,330']);
    expect(monthSpan('2023-03-11', '2023-04-01')).toBe('March and April 2023');
    expect(monthSpan('2023-05-27', '2023-11-12')).toBe('May to November 2023');
    expect(monthSpan('2022-12-27', '2023-01-03')).toBe('December 2022 to January 2023');
    expect(durationPhrase(533)).toBe('nearly 18 months');
    expect(durationPhrase(380)).toBe('just over a year');
    expect(durationPhrase(365)).toBe('a year');
    expect(durationPhrase(50)).toBe('seven weeks');
    expect(venueInSentence('Gewiss Stadium')).toBe('the Gewiss Stadium');
    expect(venueInSentence('Stadio Olimpico')).toBe('the Stadio Olimpico');
    expect(venueInSentence('Anfield')).toBe('Anfield');
    expect(venueInSentence('Villa Park')).toBe('Villa Park');
    expect([1, 2, 5].map(timesWord)).toEqual(['once', 'twice', 'five times']);
    expect(competitionInSentence('Premier League')).toBe('the Premier League');
    expect(competitionInSentence('Serie A')).toBe('Serie A');
  });
});
