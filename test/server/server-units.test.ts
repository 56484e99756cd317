import { describe, expect, it } from 'vitest';
import { errorResponseOf } from '../../src/server/api/api-error.js';
import { renderChart } from '../../src/server/charts/plot-svg.js';
import { editDistance } from '../../src/server/closest-teams.js';
import { percent, scoreText } from '../../src/server/display-format.js';
import { LruCache } from '../../src/server/lru-cache.js';
import { previewArticle } from '../../src/server/match-previews.js';
import * as Plot from '@observablehq/plot';

describe('LruCache', () => {
  it('drops the least recently used entry beyond its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('creates a missing value once and stores nothing when creating throws', () => {
    const cache = new LruCache<string, number>(4);
    let calls = 0;
    expect(cache.getOrCreate('x', () => ++calls)).toBe(1);
    expect(cache.getOrCreate('x', () => ++calls)).toBe(1);
    expect(calls).toBe(1);
    expect(() =>
      cache.getOrCreate('y', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(cache.size).toBe(1);
  });

  it('refuses a capacity that is not a positive whole number', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});

describe('display formats', () => {
  it('writes probabilities as percentages without a misleading 0%', () => {
    expect(percent(0.4132)).toBe('41%');
    expect(percent(0.004)).toBe('0.4%');
    expect(percent(0.0004)).toBe('<0.1%');
    expect(percent(0)).toBe('0.0%');
    expect(percent(1)).toBe('100%');
  });

  it('writes scores with extra time and penalties', () => {
    expect(scoreText({ ft: [1, 1], et: [2, 2], pens: [4, 3] })).toBe('1-1 aet 2-2 pens 4-3');
    expect(scoreText({ ft: null, et: null, pens: null })).toBe('–');
  });
});

describe('editDistance', () => {
  it('counts single-character edits', () => {
    expect(editDistance('liverpol', 'liverpool')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('renderChart', () => {
  it('renders a standalone SVG with an accessible title and description', () => {
    const svg = renderChart(
      { id: 'c1', title: 'Goals <by> team', description: 'Alpha 2 & Beta 1' },
      { marks: [Plot.barX([{ team: 'Alpha', goals: 2 }], { x: 'goals', y: 'team' })] },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="c1-title"');
    expect(svg).toContain('<title id="c1-title">Goals &lt;by&gt; team</title>');
    expect(svg).toContain('<desc id="c1-desc">Alpha 2 &amp; Beta 1</desc>');
    expect(svg).toContain('<rect');
  });
});

describe('previewArticle', () => {
  it("takes the article's contents and moves every heading one level down", () => {
    const page =
      '<html><body><main><article>\n<h1>A v B</h1><section><h2 id="x">News</h2><p>h1 stays text</p></section>\n</article></main></body></html>';
    expect(previewArticle(page)).toBe('\n<h2>A v B</h2><section><h3 id="x">News</h3><p>h1 stays text</p></section>\n');
  });

  it('fails loudly on a page without an article', () => {
    expect(() => previewArticle('<html></html>')).toThrow('no <article>');
  });
});

describe('errorResponseOf', () => {
  it('answers a database another process holds with a 503 saying so, and an unknown failure with a bare 500', () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(errorResponseOf(busy)).toEqual({
      status: 503,
      body: { error: { code: 'DB_LOCKED', message: 'database is locked by another process; try again' } },
    });
    expect(errorResponseOf(new TypeError('x is undefined'))).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'internal error' } },
    });
  });
});
