import { beforeAll, describe, expect, it } from 'vitest';
import { composePreview } from '../../src/preview/compose-preview.js';
import type { ComposeInput } from '../../src/preview/compose-preview.js';
import type { Preview } from '../../src/preview/preview-document.js';
import { renderMarkdown } from '../../src/preview/render-markdown.js';
import { scoresOf } from '../../src/preview/write-verdict.js';
import { hasSharedData } from '../shared-data.js';
import { secondLegFromSharedData, sentencesOf } from './compose-input.js';

const FIRST_LEG = '2024-04-11 Liverpool 0-3 Atalanta (UEFA Europa League)';

describe.skipIf(!hasSharedData)('Atalanta v Liverpool, 18 April 2024, with the shared data imported', () => {
  let input: ComposeInput;
  let preview: Preview;
  let markdown: string;

  beforeAll(() => {
    input = secondLegFromSharedData();
    preview = composePreview(input);
    markdown = renderMarkdown(preview);
  });

  it('opens on the 0-3 first leg, with the match as its receipt', () => {
    const intro = sentencesOf(preview).filter((s) => s.section === 'intro');
    const firstLegSentence = intro.find((s) => s.text.includes('3-0'));
    expect(firstLegSentence?.factIds).toContain('first-leg');
    expect(preview.facts.find((f) => f.id === 'first-leg')?.matches.map((m) => m.label)).toEqual([FIRST_LEG]);
    expect(markdown).toContain(`[^1]: First leg: ${FIRST_LEG}`);
    expect(markdown).toContain('The winners will face SL Benfica or Olympique Marseille in the semi-finals.');
  });

  it('states the precedent and the record the first leg set, from matches before the fixture only', () => {
    const text = sentencesOf(preview)
      .map((s) => s.text)
      .join(' ');
    expect(text).toMatch(
      /won the first leg away from home by three goals or more, that side went through in \d+ and went out in one/,
    );
    expect(text).toMatch(/Liverpool's first-leg defeat (was|went down as) their joint-heaviest European home defeat/);
    expect(text).toMatch(
      /(Liverpool|They|Jurgen Klopp's side) have lost two (successive|consecutive|straight) matches, for the first time since a run of three in March and April 2023/,
    );
    const dates = new Map(input.matches.map((m) => [m.id, m.date]));
    for (const fact of preview.facts) {
      if (fact.id === 'result') continue;
      for (const receipt of fact.matches) expect(dates.get(receipt.matchId)! < '2024-04-18', fact.id).toBe(true);
    }
  });

  it('fits the model on matches before the fixture and reports the probability it gave the actual 0-1', () => {
    const { forecast } = input.forecast;
    expect(forecast.model.data.before).toBe('2024-04-18');
    expect(input.forecast.sawTheMatch).toBe(false);
    const analysis = preview.sections.find((s) => s.id === 'data-analysis');
    if (analysis?.id !== 'data-analysis') throw new Error('no data analysis');
    expect(analysis.analysis.actual).toEqual({
      homeGoals: 0,
      awayGoals: 1,
      probability: forecast.markets.correctScore.probability(0, 1),
    });
    expect(markdown).toMatch(
      /The match ended Atalanta 0-1 Liverpool; the model had given that score \d+\.\d% beforehand/,
    );
    expect(analysis.analysis.tie?.home.total).toBeGreaterThan(0.5);
  });

  it('says "We say" with the top score of the most likely result and the aggregate it leads to', () => {
    const weSay = preview.sections.find((s) => s.id === 'we-say');
    if (weSay?.id !== 'we-say') throw new Error('no verdict');
    const { result } = input.forecast.forecast.markets;
    const outcome =
      result.home >= result.draw && result.home >= result.away ? 'home' : result.draw >= result.away ? 'draw' : 'away';
    const top = scoresOf(input.forecast.forecast.markets, outcome)[0];
    expect(weSay.verdict).toMatchObject({ homeGoals: top.home, awayGoals: top.away });
    expect(weSay.verdict.tie?.aggregateHome).toBe(3 + top.home);
    expect(weSay.verdict.tie?.aggregateAway).toBe(top.away);
  });

  it('counts the crowd from the dossier: about 20 to one', () => {
    expect(markdown).toContain("Atalanta's supporters will outnumber Liverpool's about 20 to one");
  });
});
