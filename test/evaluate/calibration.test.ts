import { describe, it, expect } from 'vitest';
import {
  outcomeReliability,
  predictedVsObserved,
  reliabilityDiagramSvg,
  reliabilityTable,
} from '../../src/evaluate/calibration.js';
import { MatchdayError } from '../../src/errors.js';
import { mulberry32 } from '../ratings/synthetic-league.js';

describe('reliabilityTable', () => {
  it('bins by predicted probability with hand-computed counts, means, frequencies and errors', () => {
    const table = reliabilityTable([0.05, 0.15, 0.12, 0.95, 1], [0, 1, 0, true, 1], { label: 'qualifies' });
    expect(table.label).toBe('qualifies');
    expect(table.count).toBe(5);
    expect(table.bins.map((b) => [b.lower, b.upper, b.count])).toEqual([
      [0, 0.1, 1],
      [0.1, 0.2, 2],
      [0.9, 1, 2],
    ]);
    const [, second, last] = table.bins;
    expect(second.meanPredicted).toBeCloseTo(0.135, 15);
    expect(second.observedFrequency).toBe(0.5);
    expect(second.standardError).toBeCloseTo(Math.sqrt(0.15 * 0.85 + 0.12 * 0.88) / 2, 15);
    // A forecast of exactly 1 lands in the top bin; certain forecasts have no spread.
    expect(last.meanPredicted).toBeCloseTo(0.975, 15);
    expect(last.standardError).toBeCloseTo(Math.sqrt(0.95 * 0.05) / 2, 15);
    expect(table.meanPredicted).toBeCloseTo((0.05 + 0.15 + 0.12 + 0.95 + 1) / 5, 15);
    expect(table.observedFrequency).toBe(0.6);
  });

  it('splits into equal-count bins for quantile binning (deciles)', () => {
    const predicted = Array.from({ length: 20 }, (_, i) => (i + 0.5) / 20);
    const table = reliabilityTable(
      predicted,
      predicted.map((_, i) => i % 2),
      { binning: 'quantile', bins: 10 },
    );
    expect(table.bins).toHaveLength(10);
    expect(table.bins.every((b) => b.count === 2)).toBe(true);
    expect(table.bins[0].lower).toBe(0.025);
    expect(table.bins[0].upper).toBe(0.075);
  });

  it('finds calibrated forecasts calibrated and squared forecasts overconfident', () => {
    const random = mulberry32(21);
    const truth = Array.from({ length: 50_000 }, () => random());
    const occurred = truth.map((p) => random() < p);
    const calibrated = reliabilityTable(truth, occurred);
    for (const bin of calibrated.bins)
      expect(Math.abs(bin.observedFrequency - bin.meanPredicted)).toBeLessThan(4 * bin.standardError);
    const skewed = reliabilityTable(
      truth.map((p) => p * p),
      occurred,
    );
    const gaps = skewed.bins.map((bin) => Math.abs(bin.observedFrequency - bin.meanPredicted) / bin.standardError);
    expect(Math.max(...gaps)).toBeGreaterThan(10);
  });

  it('rejects probabilities outside [0, 1] and observations that are not 0/1', () => {
    expect(() => reliabilityTable([1.2], [1])).toThrow(MatchdayError);
    expect(() => reliabilityTable([0.2], [2])).toThrow(/expected 0\/1 or a boolean/);
    expect(() => reliabilityTable([], [])).toThrow(/no forecasts/);
  });
});

describe('1X2 calibration', () => {
  const forecasts = [
    [0.5, 0.3, 0.2],
    [0.2, 0.3, 0.5],
    [0.45, 0.25, 0.3],
    [0.6, 0.25, 0.15],
  ];
  const outcomes = [0, 1, 1, 0];

  it('makes one table per outcome with 1X2 labels', () => {
    const tables = outcomeReliability(forecasts, outcomes);
    expect(tables.map((t) => t.label)).toEqual(['home win', 'draw', 'away win']);
    expect(tables[1].bins.map((b) => b.count)).toEqual([2, 2]);
    expect(tables[1].observedFrequency).toBe(0.5);
  });

  it('sets the mean predicted draw rate against the observed one', () => {
    const [, draw] = predictedVsObserved(forecasts, outcomes);
    expect(draw.label).toBe('draw');
    expect(draw.meanPredicted).toBeCloseTo(0.275, 15);
    expect(draw.observedFrequency).toBe(0.5);
    expect(draw.standardError).toBeCloseTo(Math.sqrt(2 * 0.3 * 0.7 + 2 * 0.25 * 0.75) / 4, 15);
  });
});

/** Tags open and close in a proper nest (a light well-formedness check without an XML parser). */
function tagsNest(svg: string): boolean {
  const stack: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}

describe('reliabilityDiagramSvg', () => {
  const random = mulberry32(4);
  const predicted = Array.from({ length: 500 }, () => random());
  const table = reliabilityTable(
    predicted,
    predicted.map((p) => random() < p),
    { label: 'Atalanta & co <home>' },
  );

  it('is standalone SVG with xmlns, an accessible title and one point per bin', () => {
    const svg = reliabilityDiagramSvg([table], { title: 'Home wins — E0 2023-24' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="reliability-title reliability-desc"');
    expect(svg).toContain('<title id="reliability-title">Home wins — E0 2023-24</title>');
    expect(svg.match(/<circle cx/g)?.length).toBe(table.bins.length + 1); // bins + legend swatch
    expect(svg).toContain('Atalanta &amp; co &lt;home&gt;');
    expect(svg).not.toContain('NaN');
    expect(tagsNest(svg)).toBe(true);
  });

  it('draws one series per table', () => {
    const svg = reliabilityDiagramSvg([table, { ...table, label: 'draw' }, { ...table, label: 'away win' }], {
      title: 'x',
      id: 'rd2',
    });
    expect(svg.match(/<g class="series"/g)?.length).toBe(3);
    expect(svg).toContain('id="rd2-title"');
  });
});
