import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { estimateCrowd } from '../../src/preview/crowd.js';
import {
  checkPreview,
  citedFactIds,
  matchReceiptLabel,
  PREVIEW_VERSION,
  renderJson,
  type Preview,
} from '../../src/preview/preview-document.js';
import { formatCount, longDate, verdictParts } from '../../src/preview/preview-layout.js';
import { escapeHtml, renderHtml } from '../../src/preview/render-html.js';
import { renderMarkdown } from '../../src/preview/render-markdown.js';

const FIRST_LEG = matchReceiptLabel({
  date: '2024-04-11',
  home: 'Liverpool',
  away: 'Atalanta',
  homeGoals: 0,
  awayGoals: 3,
  competition: 'Europa League',
});
const VERONA = '2024-04-15 Atalanta 2-2 Hellas Verona (Serie A)';
const PALACE = '2024-04-14 Liverpool 0-1 Crystal Palace (Premier League)';

/** A small preview touching every section and every kind of receipt. */
function samplePreview(): Preview {
  return {
    version: PREVIEW_VERSION,
    fixture: {
      home: 'Atalanta',
      away: 'Liverpool',
      date: '2024-04-18',
      competition: 'UEFA Europa League',
      round: 'quarter-final',
      leg: 2,
      venue: 'Gewiss Stadium',
    },
    intro: [{ kind: 'text', sentences: [{ text: 'Atalanta lead 3-0 after the first leg.', factIds: ['tie'] }] }],
    furniture: {
      tie: {
        firstLeg: 'Liverpool 0-3 Atalanta',
        aggregate: { home: 3, away: 0 },
        needs: [{ team: 'Liverpool', text: 'Liverpool need to win by 3 to force extra time, by 4 to go through.' }],
        factIds: ['tie'],
      },
      form: [{ team: 'Liverpool', scope: 'Premier League', results: ['W', 'D', 'L'], factIds: ['losses'] }],
      headToHead: null,
    },
    sections: [
      {
        id: 'match-preview',
        title: 'Match preview',
        paragraphs: [
          {
            kind: 'text',
            sentences: [
              { text: 'Liverpool have lost their last two matches.', factIds: ['losses'] },
              { text: 'An injected <script>alert("x")</script> & friends.', factIds: [] },
              { text: 'Atalanta won at Anfield, then drew with Verona.', factIds: ['tie', 'verona'] },
            ],
          },
          { kind: 'text', sentences: [{ text: '1. This paragraph starts like a list *but* is not.', factIds: [] }] },
          {
            kind: 'quote',
            text: 'First paragraph of the quote.\n\nSecond <b>paragraph</b>.',
            speaker: 'Gian Piero Gasperini',
            outlet: 'Sky Italia',
            date: '2024-04-15',
            factIds: ['quote'],
          },
        ],
      },
      {
        id: 'team-news',
        title: 'Team news',
        paragraphs: [
          {
            kind: 'text',
            sentences: [{ text: 'Giorgio Scalvini is out with a hamstring injury.', factIds: ['scalvini'] }],
          },
        ],
      },
      {
        id: 'possible-line-ups',
        title: 'Possible starting line-ups',
        lineups: [
          {
            team: 'Liverpool',
            formation: '4-3-3',
            players: [
              'Alisson',
              'Alexander-Arnold',
              'Konate',
              'Van Dijk',
              'Robertson',
              'Szoboszlai',
              'Mac Allister',
              'Elliott',
              'Salah',
              'Jota',
              'Diaz',
            ],
            lines: [
              ['Alisson'],
              ['Alexander-Arnold', 'Konate', 'Van Dijk', 'Robertson'],
              ['Szoboszlai', 'Mac Allister', 'Elliott'],
              ['Salah', 'Jota', 'Diaz'],
            ],
            factIds: ['lineups'],
          },
        ],
        paragraphs: [],
      },
      {
        id: 'we-say',
        title: 'We say',
        verdict: {
          homeGoals: 2,
          awayGoals: 3,
          tie: { winner: 'home', aggregateHome: 5, aggregateAway: 3, decidedBy: 'normal-time' },
          factIds: ['model'],
        },
        paragraphs: [{ kind: 'text', sentences: [{ text: 'Liverpool win on the night.', factIds: ['model'] }] }],
      },
      {
        id: 'data-analysis',
        title: 'Data analysis',
        analysis: {
          model: 'Dixon-Coles fitted on 3 matches',
          result: { home: 0.25, draw: 0.25, away: 0.5 },
          scorelines: {
            homeWin: [{ home: 1, away: 0, probability: 0.08 }],
            draw: [
              { home: 1, away: 1, probability: 0.12 },
              { home: 0, away: 0, probability: 0.07 },
            ],
            awayWin: [{ home: 1, away: 2, probability: 0.09 }],
          },
          totals: [{ line: 2.5, over: 0.55, under: 0.45 }],
          bothTeamsToScore: { yes: 0.6, no: 0.4 },
          teamGoals: { home: [{ line: 0.5, over: 0.7, under: 0.3 }], away: [{ line: 1.5, over: 0.5, under: 0.5 }] },
          tie: {
            home: { total: 0.95, inNormalTime: 0.9, inExtraTime: 0.03, onPenalties: 0.02 },
            away: { total: 0.05, inNormalTime: 0.03, inExtraTime: 0.01, onPenalties: 0.01 },
          },
          actual: { homeGoals: 0, awayGoals: 1, probability: 0.0004 },
          factIds: ['model'],
        },
        paragraphs: [],
      },
      {
        id: 'matchday-crowd',
        title: 'Matchday crowd',
        venue: 'Gewiss Stadium',
        crowd: estimateCrowd({
          competition: 'uefa.el',
          capacity: 16000,
          normalCapacity: 21000,
          announcedAllocation: 750,
        }),
        factIds: ['venue'],
        paragraphs: [
          { kind: 'text', sentences: [{ text: 'About 20 home fans for every away fan.', factIds: ['venue'] }] },
        ],
      },
    ],
    facts: [
      { id: 'tie', kind: 'tie-state', matches: [{ matchId: 101, label: FIRST_LEG }], documents: [] },
      {
        id: 'losses',
        kind: 'streak',
        matches: [
          { matchId: 101, label: FIRST_LEG },
          { matchId: 102, label: PALACE },
        ],
        documents: [],
      },
      { id: 'verona', kind: 'form', matches: [{ matchId: 103, label: VERONA }], documents: [] },
      {
        id: 'scalvini',
        kind: 'team-news',
        matches: [],
        documents: [{ file: 'd.yaml', line: 17, label: 'Giorgio Scalvini: out (hamstring)' }],
      },
      { id: 'quote', kind: 'quote', matches: [], documents: [{ file: 'd.yaml', line: 88, label: 'Gasperini quote' }] },
      { id: 'lineups', kind: 'line-up', matches: [], documents: [{ file: 'd.yaml', line: 60, label: 'Liverpool XI' }] },
      { id: 'model', kind: 'forecast', matches: [], documents: [] },
      { id: 'venue', kind: 'crowd', matches: [], documents: [{ file: 'd.yaml', line: 70, label: 'venue' }] },
      { id: 'unused', kind: 'record', matches: [{ matchId: 9, label: 'never cited' }], documents: [] },
    ],
    caveats: ['History imported up to 2024-04-17.'],
  };
}

/** Footnote references in order of appearance, and the footnote definitions. */
function footnotes(markdown: string): { refs: number[]; defs: Map<number, string> } {
  const defs = new Map<number, string>();
  for (const match of markdown.matchAll(/^\[\^(\d+)\]: (.*)$/gm)) defs.set(Number(match[1]), match[2]);
  const body = markdown.replace(/^\[\^\d+\]: .*$/gm, '');
  const refs = [...body.matchAll(/\[\^(\d+)\]/g)].map((match) => Number(match[1]));
  return { refs, defs };
}

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(samplePreview());

  it('numbers footnotes 1, 2, … in order of first citation and defines each one exactly once', () => {
    const { refs, defs } = footnotes(markdown);
    const firstSeen = [...new Set(refs)];
    expect(firstSeen).toEqual(firstSeen.map((_, i) => i + 1));
    expect([...defs.keys()].sort((a, b) => a - b)).toEqual(firstSeen);
    expect(markdown.match(/^\[\^1\]: /gm)).toHaveLength(1);
    // The uncited fact gets no footnote.
    expect(markdown).not.toContain('never cited');
  });

  it('ends each citing sentence with its footnotes, reusing a fact’s number', () => {
    expect(markdown).toContain('Atalanta lead 3-0 after the first leg.[^1]');
    expect(markdown).toContain('Liverpool have lost their last two matches.[^2]');
    expect(markdown).toContain('Atalanta won at Anfield, then drew with Verona.[^1][^3]');
  });

  it('lists the supporting matches (and dossier lines) in each footnote', () => {
    const { defs } = footnotes(markdown);
    expect(defs.get(1)).toBe(`Tie state: ${FIRST_LEG}`);
    expect(defs.get(2)).toBe(`Streak: ${FIRST_LEG}; ${PALACE}`);
    expect(defs.get(3)).toBe(`Form: ${VERONA}`);
    expect([...defs.values()]).toContain('Team news: Giorgio Scalvini: out (hamstring) (d.yaml:17)');
    expect([...defs.values()]).toContain('Forecast: no supporting matches');
  });

  it('lists at most 12 receipts in a footnote and says how many more the other formats hold', () => {
    const preview = samplePreview();
    const many = Array.from({ length: 20 }, (_, i) => ({ matchId: 1000 + i, label: `receipt ${i + 1}` }));
    preview.facts = preview.facts.map((fact) => (fact.id === 'tie' ? { ...fact, matches: many } : fact));
    const { defs } = footnotes(renderMarkdown(preview));
    const tie = defs.get(1)!;
    expect(tie).toContain('receipt 12; and 8 more (all 20 in the HTML and JSON previews)');
    expect(tie).not.toContain('receipt 13');
    expect(renderHtml(preview)).toContain('receipt 20');
  });

  it('gives every sentence that cites facts a footnote for each of them', () => {
    const preview = samplePreview();
    const { defs } = footnotes(markdown);
    const numberOf = new Map(citedFactIds(preview).map((id, i) => [id, i + 1]));
    for (const section of preview.sections) {
      for (const paragraph of section.paragraphs) {
        if (paragraph.kind !== 'text') continue;
        for (const sentence of paragraph.sentences) {
          for (const id of sentence.factIds) {
            const number = numberOf.get(id)!;
            expect(defs.has(number)).toBe(true);
            expect(markdown).toContain(`[^${number}]`);
          }
        }
      }
    }
  });

  it('writes the header, the verdict, the line-up and the tables', () => {
    expect(markdown.startsWith('# Atalanta v Liverpool\n\n')).toBe(true);
    expect(markdown).toContain(
      '*UEFA Europa League · Quarter-final, second leg · Thursday 18 April 2024 · Gewiss Stadium*',
    );
    expect(markdown).toContain('**Atalanta 2-3 Liverpool** (Atalanta win 5-3 on aggregate)');
    expect(markdown).toContain(
      '**Liverpool** (4-3-3): Alisson; Alexander-Arnold, Konate, Van Dijk, Robertson; Szoboszlai, Mac Allister, Elliott; Salah, Jota, Diaz',
    );
    expect(markdown).toContain('| Outcome | Probability |\n| --- | ---: |\n| Atalanta win | 25.0% |');
    expect(markdown).toContain('| Atalanta | 95.0% | 90.0% | 3.0% | 2.0% |');
    expect(markdown).toContain('| Atalanta 0-1 Liverpool | <0.1% |'.replace('<', '\\<'));
    expect(markdown).toContain('| Home fans per away fan | 20.3 (about 20 to one) |');
    expect(markdown).toContain('| Capacity at which the rule gives the announced allocation | 15,000 |');
  });

  it('escapes text so it cannot become HTML, emphasis or a list', () => {
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('\\<script\\>alert("x")\\</script\\>');
    expect(markdown).toContain('\n1\\. This paragraph starts like a list \\*but\\* is not.');
    expect(markdown).toContain('> Second \\<b\\>paragraph\\</b\\>.');
    expect(markdown).toContain('> — Gian Piero Gasperini, Sky Italia, 2024-04-15[^');
  });
});

describe('renderHtml', () => {
  const html = renderHtml(samplePreview());

  it('is a standalone page, sized for a phone, with no script at all', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>Atalanta v Liverpool: preview</title>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('closes every element it opens, in order', () => {
    const stack: string[] = [];
    for (const [tag, closing, name] of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g)) {
      if (name === 'meta' || tag.endsWith('/>')) continue;
      if (closing) expect(stack.pop()).toBe(name);
      else stack.push(name);
    }
    expect(stack).toEqual([]);
  });

  it('escapes every piece of text', () => {
    expect(html).toContain('An injected &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends.');
    expect(html).toContain('<p>Second &lt;b&gt;paragraph&lt;/b&gt;.</p>');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('keeps paragraphs whole, each claim ending in footnote markers that link to notes', () => {
    const markers = (text: string) => [...text.matchAll(/<sup class="ref"><a href="#note-(\d+)">\1<\/a><\/sup>/g)];
    const paragraph = html.match(/<p>Liverpool have lost their last two matches\..*?<\/p>/)?.[0] ?? '';
    // One paragraph of three sentences: markers after the citing ones, none after the sentence citing nothing.
    expect(paragraph).toContain('friends. Atalanta won at Anfield, then drew with Verona.<sup');
    expect(paragraph).toContain(
      'An injected &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends. Atalanta',
    );
    expect(markers(paragraph).map((m) => m[1])).toEqual(['2', '1', '3']);
    // Every marker on the page points at a note that exists.
    const notes = new Set([...html.matchAll(/<li id="note-(\d+)">/g)].map((m) => m[1]));
    expect(markers(html).length).toBeGreaterThan(0);
    for (const [, n] of markers(html)) expect(notes.has(n), `note ${n}`).toBe(true);
    // No collapsible block per sentence: the only <details> are the notes.
    expect(html.match(/<details/g)?.length).toBe(notes.size);
    expect(html).toContain('<p>1. This paragraph starts like a list *but* is not.</p>');
  });

  it('opens each note onto the matches and dossier lines it stands on', () => {
    const note = (n: number) => html.match(new RegExp(`<li id="note-${n}">(.*?)</li>\\n?(?=<li id|</ol>)`))?.[1] ?? '';
    expect(note(2)).toContain('<summary>Streak <span class="count">(2 matches)</span></summary>');
    expect(note(2)).toContain(`<li>${escapeHtml(FIRST_LEG)}</li><li>${escapeHtml(PALACE)}</li>`);
    expect(note(3)).toContain(`<li>${escapeHtml(VERONA)}</li>`);
    expect(html).toContain('Giorgio Scalvini: out (hamstring) (source 1, line 17)');
    // The model's numbers have nothing to show: no marker, no note, no "no receipts" label for readers.
    expect(html).toContain('<p>Liverpool win on the night.</p>');
    expect(html).not.toContain('no receipts');
    expect(html).not.toContain('never cited');
  });

  it('keeps file paths and method notes out of the reader text: they close the page under Method and sources', () => {
    const [text, method] = html.split('<h2>Method and sources</h2>');
    expect(text).not.toContain('d.yaml');
    expect(text).not.toContain('Dixon-Coles fitted on 3 matches');
    expect(method).toContain('<li>Dixon-Coles fitted on 3 matches</li>');
    expect(method).toContain('<li>Source 1: d.yaml</li>');
  });

  it('draws sections, line-ups and tables semantically', () => {
    expect(html).toContain('<section id="data-analysis" aria-labelledby="data-analysis-title">');
    expect(html).toContain(
      'Alisson; Alexander-Arnold, Konate, Van Dijk, Robertson; Szoboszlai, Mac Allister, Elliott; Salah, Jota, Diaz',
    );
    // The XI on a pitch by formation: a goalkeeper, then lines of four, three and three further up.
    const players = [...html.matchAll(/<g class="player home"><circle cx="([\d.]+)" cy="([\d.]+)"/g)];
    expect(players).toHaveLength(11);
    const rows = [...new Set(players.map((p) => p[2]))];
    expect(rows.map((y) => players.filter((p) => p[2] === y).length)).toEqual([1, 4, 3, 3]);
    expect(rows.map(Number)).toEqual([...rows.map(Number)].sort((a, b) => b - a));
    expect(html).toContain(
      '<p class="verdict"><strong>Atalanta 2-3 Liverpool</strong> (Atalanta win 5-3 on aggregate)</p>',
    );
    expect(html).toContain('<caption>Who goes through (the tie model: scoring rates that change');
    expect(html).toContain('<span class="form form-w">W</span> <span class="form form-d">D</span>');
    expect(html).toContain('<tr><th scope="row">Home fans</th><td class="num">15,250</td></tr>');
    expect(html).toContain('<cite>Sky Italia</cite>');
  });
});

describe('the Preview as JSON', () => {
  it('survives JSON.stringify unchanged: the JSON format is the object itself', () => {
    const preview = samplePreview();
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview);
    expect(JSON.parse(renderJson(preview))).toEqual(preview);
  });

  it('is checked like the other formats', () => {
    const preview = samplePreview();
    preview.facts = [];
    expect(() => renderJson(preview)).toThrow(/cites fact tie/);
  });
});

describe('checkPreview', () => {
  const broken: { name: string; breakIt: (p: Preview) => void; message: RegExp }[] = [
    {
      name: 'a sentence citing an unknown fact',
      breakIt: (p) => p.intro.push({ kind: 'text', sentences: [{ text: 'Unsupported.', factIds: ['ghost'] }] }),
      message: /cites fact ghost/,
    },
    {
      name: 'a fact id used twice',
      breakIt: (p) => p.facts.push({ id: 'tie', kind: 'form', matches: [], documents: [] }),
      message: /fact id tie is used twice/,
    },
    {
      name: 'a NaN probability',
      breakIt: (p) => {
        const section = p.sections.find((s) => s.id === 'data-analysis');
        if (section?.id === 'data-analysis') section.analysis.totals[0].over = Number.NaN;
      },
      message: /in \[0, 1\], got NaN/,
    },
    {
      name: 'tie splits that do not add up',
      breakIt: (p) => {
        const section = p.sections.find((s) => s.id === 'data-analysis');
        if (section?.id === 'data-analysis') section.analysis.tie!.home.onPenalties = 0.2;
      },
      message: /add up to/,
    },
    {
      name: 'a tie won by the side behind on aggregate',
      breakIt: (p) => {
        const section = p.sections.find((s) => s.id === 'we-say');
        if (section?.id === 'we-say') section.verdict.tie!.winner = 'away';
      },
      message: /cannot be won by the away side/,
    },
  ];
  for (const c of broken) {
    it(`rejects ${c.name}, and so do both renderers`, () => {
      const preview = samplePreview();
      c.breakIt(preview);
      expect(() => checkPreview(preview)).toThrow(c.message);
      expect(() => renderMarkdown(preview)).toThrow(MatchdayError);
      expect(() => renderHtml(preview)).toThrow(MatchdayError);
    });
  }

  it('accepts the sample', () => {
    expect(() => checkPreview(samplePreview())).not.toThrow();
  });
});

describe('layout helpers', () => {
  const fixture = samplePreview().fixture;

  it('describes tie verdicts won in extra time and on penalties', () => {
    expect(
      verdictParts(fixture, {
        homeGoals: 0,
        awayGoals: 4,
        tie: { winner: 'away', aggregateHome: 3, aggregateAway: 4, decidedBy: 'extra-time' },
        factIds: [],
      }).tie,
    ).toBe('Liverpool win 4-3 on aggregate after extra time');
    expect(
      verdictParts(fixture, {
        homeGoals: 0,
        awayGoals: 3,
        tie: { winner: 'home', aggregateHome: 3, aggregateAway: 3, decidedBy: 'penalties' },
        factIds: [],
      }).tie,
    ).toBe('3-3 on aggregate; Atalanta win on penalties');
    expect(verdictParts(fixture, { homeGoals: 1, awayGoals: 1, factIds: [] })).toEqual({
      score: 'Atalanta 1-1 Liverpool',
      tie: null,
    });
  });

  it('writes calendar dates with the weekday', () => {
    expect(longDate('2024-04-18')).toBe('Thursday 18 April 2024');
    expect(longDate('2000-02-29')).toBe('Tuesday 29 February 2000');
    expect(() => longDate('18/04/2024')).toThrow(MatchdayError);
  });

  it('writes counts as en-GB does, whole and grouped in thousands', () => {
    const enGb = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
    for (const count of [0, 7, 750, 999, 1000, 16000, 21000.4, 99999.5, 123456, 1234567, 40_000_000, -2.5, -1234]) {
      expect(formatCount(count)).toBe(enGb.format(count));
    }
  });

  it('labels a match receipt as date, score and competition', () => {
    expect(FIRST_LEG).toBe('2024-04-11 Liverpool 0-3 Atalanta (Europa League)');
  });
});
