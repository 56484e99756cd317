import { beforeAll, describe, expect, it } from 'vitest';
import { composePreview, type ComposeInput } from '../../src/preview/compose-preview.js';
import type { Paragraph, Preview } from '../../src/preview/preview-document.js';
import { renderHtml } from '../../src/preview/render-html.js';
import { firstWord } from '../../src/preview/vary-openings.js';
import { hasSharedData } from '../shared-data.js';
import { exampleDossier, secondLegFromSharedData, sentencesOf } from './compose-input.js';

const VERONA = '2024-04-15 Atalanta 2-2 Hellas Verona (Serie A)';

/** The prose in reading order, paragraph by paragraph (quotes left out: they are the speaker's words). */
function proseParagraphs(preview: Preview): string[][] {
  const all: Paragraph[] = [...preview.intro, ...preview.sections.flatMap((s) => s.paragraphs)];
  return all.flatMap((p) => (p.kind === 'text' ? [p.sentences.map((s) => s.text)] : []));
}

describe.skipIf(!hasSharedData)('the Atalanta v Liverpool second leg as a story', () => {
  let input: ComposeInput;
  let preview: Preview;
  let html: string;

  beforeAll(() => {
    input = secondLegFromSharedData();
    preview = composePreview(input);
    html = renderHtml(preview);
  });

  it('opens on the tie and the weekend: the 3-0 to overturn, then the 2-2 with Verona after leading 2-0', () => {
    const standfirst = proseParagraphs(preview)[0].join(' ');
    expect(standfirst).toMatch(/^Jurgen Klopp's Liverpool (have a three-goal deficit to overturn|need a comeback)/);
    expect(standfirst).toContain('Atalanta won the first leg 3-0 at Liverpool on 11 April');
    expect(standfirst).toContain('but let a 2-0 half-time lead slip in a 2-2 home draw with Hellas Verona on Monday');
    // The seed: "their first top-flight home loss in nearly 18 months" (the last one: Leeds, 29 October 2022).
    expect(standfirst).toContain(
      'Liverpool, meanwhile, lost 1-0 at home to Crystal Palace on Sunday, their first home league defeat in nearly 18 months and a blow to their title hopes.',
    );
    const palace = preview.intro
      .flatMap((p) => (p.kind === 'text' ? p.sentences : []))
      .find((s) => s.text.includes('Crystal Palace'))!;
    const run = preview.facts.find((f) => palace.factIds.includes(f.id) && f.kind === 'run')!;
    const labels = run.matches.map((m) => m.label);
    expect(labels).toContain('2022-10-29 Liverpool 1-2 Leeds United (Premier League)');
    expect(labels.at(-1)).toBe('2024-04-14 Liverpool 0-1 Crystal Palace (Premier League)');
    // Stated once: the match preview does not tell the run again.
    const rest = sentencesOf(preview).filter((s) => s.section !== 'intro');
    expect(rest.some((s) => /home league defeat|home league matches unbeaten/.test(s.text))).toBe(false);
    const verona = preview.intro
      .flatMap((p) => (p.kind === 'text' ? p.sentences : []))
      .find((s) => s.text.includes('Verona'))!;
    const receipts = verona.factIds.flatMap((id) =>
      preview.facts.find((f) => f.id === id)!.matches.map((m) => m.label),
    );
    expect(receipts).toContain(VERONA);
    // The manager is named from the dossier, and cites its line.
    expect(preview.facts.find((f) => f.id === 'manager-away')!.documents).toEqual([
      expect.objectContaining({ label: 'Liverpool manager: Jurgen Klopp', line: exampleDossier().managers.away!.line }),
    ]);
  });

  it('leads with the table on the day and the round before, each citing its matches', () => {
    const lead = sentencesOf(preview).filter((s) => s.section === 'match-preview');
    const liverpool = lead.find((s) => s.text.includes('Premier League on'))!;
    // The title race as it stood: City 73, Arsenal and Liverpool 71, after 32 games.
    expect(liverpool.text).toBe(
      'That defeat left Liverpool third in the Premier League on 71 points after 32 games, level with Arsenal and two points behind leaders Manchester City, with six games left; the title is no longer in their own hands.',
    );
    const table = preview.facts.find((f) => f.id === 'table-away')!;
    expect(table.matches.length).toBeGreaterThan(300);
    expect(table.matches.every((m) => m.label.endsWith('(Premier League)') && m.label < '2024-04-18')).toBe(true);
    expect(lead.map((s) => s.text).join(' ')).toMatch(/Atalanta are sixth in Serie A on 51 points after 31 games/);
    const previous = lead.find((s) => s.text.includes('Sporting CP'))!;
    expect(previous.text).toMatch(/knocked out Sporting CP 3-2 on aggregate in the round of 16/);
    expect(preview.facts.find((f) => f.id === 'previous-round-home')!.matches.map((m) => m.label)).toEqual([
      '2024-03-06 Sporting CP 1-1 Atalanta (UEFA Europa League)',
      '2024-03-14 Atalanta 2-1 Sporting CP (UEFA Europa League)',
    ]);
  });

  it('varies its openings: no two sentences in a row open on the same team, no three on the same word', () => {
    const paragraphs = proseParagraphs(preview);
    const teams = new Set(['atalanta', 'liverpool', 'they', 'their']);
    for (const sentences of paragraphs) {
      for (let i = 1; i < sentences.length; i++) {
        const word = firstWord(sentences[i]);
        if (teams.has(word)) expect(word, sentences[i]).not.toBe(firstWord(sentences[i - 1]));
      }
    }
    const openings = paragraphs.flat().map((s) => s.split(/\s+/).slice(0, 2).join(' '));
    for (let i = 2; i < openings.length; i++) {
      expect(new Set(openings.slice(i - 2, i + 1)).size, openings[i]).toBeGreaterThan(1);
    }
  });

  it('states the 1X2 once, and the strongest precedent once with its base', () => {
    const prose = proseParagraphs(preview).flat();
    const section = preview.sections.find((s) => s.id === 'data-analysis');
    if (section?.id !== 'data-analysis') throw new Error('no data analysis');
    const { home, draw, away } = section.analysis.result;
    for (const p of [home, draw, away]) {
      const shown = `${(p * 100).toFixed(1)}%`;
      expect(
        prose.filter((s) => s.includes(shown)),
        shown,
      ).toHaveLength(1);
    }
    const precedents = prose.filter((s) => /earlier .*knockout ties/.test(s));
    expect(precedents).toHaveLength(1);
    expect(precedents[0]).toMatch(/255 earlier European knockout ties/);
    // The first leg's score is told in the standfirst; the record it set does not tell it again.
    expect(prose.filter((s) => s.includes('3-0'))).toEqual([
      expect.stringContaining('Atalanta won the first leg 3-0 at Liverpool'),
    ]);
    expect(prose).toContain(
      "Liverpool's first-leg defeat went down as their joint-heaviest European home defeat (in the data since 1964, level with two others).",
    );
  });

  it('argues "We say" from the model, form and team news before the score', () => {
    const weSay = sentencesOf(preview).filter((s) => s.section === 'we-say');
    expect(weSay.length).toBeGreaterThanOrEqual(4);
    expect(weSay[0].text).toMatch(/makes Liverpool favourites on the night|Liverpool win 49.9% of the time/);
    expect(weSay[1].text).toBe('Recent form says otherwise: Liverpool have won two of their last six, Atalanta three.');
    expect(weSay[2].text).toBe(
      'Team news matters too: Liverpool are missing five players, Conor Bradley among them; Atalanta only Giorgio Scalvini.',
    );
    expect(weSay.at(-1)!.text).toContain('which would send Atalanta through 4-2 on aggregate');
    // The score closes the section in the page.
    const section = html.slice(html.indexOf('<section id="we-say"'));
    expect(section.indexOf('Recent form says otherwise')).toBeLessThan(section.indexOf('<p class="verdict">'));
  });

  it('writes dossier notes as sentences and introduces the quote', () => {
    const news = sentencesOf(preview)
      .filter((s) => s.section === 'team-news')
      .map((s) => s.text)
      .join(' ');
    expect(news).toContain('Scalvini also missed the first leg.');
    expect(news).toContain('Bradley was hurt against Crystal Palace and helped off by the medical staff.');
    expect(news).not.toMatch(/\. (Also|Injured|Hurt|Back) /);
    const paragraphs = preview.sections.find((s) => s.id === 'match-preview')!.paragraphs;
    const quoteAt = paragraphs.findIndex((p) => p.kind === 'quote');
    const before = paragraphs[quoteAt - 1];
    expect(before.kind === 'text' && before.sentences[0].text).toBe(
      'Speaking to Sky Italia after the 2-2 home draw with Hellas Verona on Monday, Atalanta coach Gian Piero Gasperini said:',
    );
  });

  it('boxes the form, head-to-head and tie with the letters and counts the facts hold', () => {
    const byId = new Map(input.matches.map((m) => [m.id, m]));
    for (const guide of preview.furniture.form) {
      const teamId = guide.team === 'Atalanta' ? input.fixture.home.teamId : input.fixture.away.teamId;
      const fact = preview.facts.find((f) => f.id === guide.factIds[0])!;
      const letters = fact.matches.map(({ matchId }) => {
        const m = byId.get(matchId)!;
        const [h, a] = m.score.et ?? m.score.ft!;
        const [own, other] = m.home.id === teamId ? [h, a] : [a, h];
        return own > other ? 'W' : own < other ? 'L' : 'D';
      });
      expect(guide.results, `${guide.team} ${guide.scope}`).toEqual(letters);
      expect(guide.results).toHaveLength(6);
    }
    expect(preview.furniture.form.map((g) => `${g.team} ${g.scope} ${g.results.join('')}`)).toEqual(
      expect.arrayContaining(['Atalanta Serie A LLDWLD', 'Liverpool all competitions LWWDLL']),
    );
    expect(preview.furniture.headToHead).toMatchObject({
      meetings: 3,
      homeWins: 2,
      draws: 0,
      awayWins: 1,
      homeGoals: 5,
      awayGoals: 5,
      lastMeeting: '2024-04-11 Liverpool 0-3 Atalanta (UEFA Europa League)',
    });
    expect(preview.furniture.tie).toMatchObject({
      firstLeg: 'Liverpool 0-3 Atalanta',
      aggregate: { home: 3, away: 0 },
    });
    expect(preview.furniture.tie!.needs.map((n) => n.team)).toEqual(['Atalanta', 'Liverpool']);
  });

  it('draws both XIs on the pitch and links every footnote marker to a note', () => {
    expect(html.match(/<g class="player home">/g)).toHaveLength(11);
    expect(html.match(/<g class="player away">/g)).toHaveLength(11);
    expect(html).toContain('>De Ketelaere</text>');
    const notes = new Set([...html.matchAll(/<li id="note-(\d+)">/g)].map((m) => m[1]));
    const markers = [...html.matchAll(/<a href="#note-(\d+)">/g)].map((m) => m[1]);
    expect(markers.length).toBeGreaterThan(40);
    for (const n of markers) expect(notes.has(n), `note ${n}`).toBe(true);
    // Paragraphs stay paragraphs: the only collapsible blocks are the notes.
    expect(html.match(/<details/g)).toHaveLength(notes.size);
  });
});
