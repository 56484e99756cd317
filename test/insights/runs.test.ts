import { describe, expect, it } from 'vitest';
import { binomialTails, rarity } from '../../src/insights/notability.js';
import { latestRun, maximalRuns, positionsInRunsAtLeast, previousRunAtLeast } from '../../src/insights/runs.js';

const isL = (c: string) => c === 'L';

describe('run spans', () => {
  it('finds maximal runs, the latest one, and the previous one at least as long', () => {
    const items = [...'LLWLLLWLDLL'];
    const spans = maximalRuns(items, isL);
    expect(spans).toEqual([
      { start: 0, end: 1 },
      { start: 3, end: 5 },
      { start: 7, end: 7 },
      { start: 9, end: 10 },
    ]);
    const latest = latestRun(spans, items.length);
    expect(latest).toEqual({ span: { start: 9, end: 10 }, ongoing: true });
    expect(previousRunAtLeast(spans, { start: 9, end: 10 }, 2)).toEqual({ start: 3, end: 5 });
    expect(previousRunAtLeast(spans, { start: 3, end: 5 }, 3)).toBeNull();
    // Positions at which a run of two or more was going: 1, 4, 5, 10.
    expect(positionsInRunsAtLeast(spans, 2)).toBe(4);
  });

  it('reports a run the last item broke as ended, and nothing when the last two items are outside runs', () => {
    expect(latestRun(maximalRuns([...'WLLW'], isL), 4)).toEqual({ span: { start: 1, end: 2 }, ongoing: false });
    expect(latestRun(maximalRuns([...'LWW'], isL), 3)).toBeNull();
    expect(latestRun(maximalRuns([], isL), 0)).toBeNull();
  });
});

describe('notability arithmetic', () => {
  it('computes exact binomial tails', () => {
    // 3 or fewer wins in 11 at p = 0.5: (1 + 11 + 55 + 165) / 2048.
    const { lower, upper } = binomialTails(11, 3, 0.5);
    expect(lower).toBeCloseTo(232 / 2048, 12);
    expect(upper).toBeCloseTo(1 - 67 / 2048, 12);
    // Long histories do not underflow to NaN.
    expect(Number.isFinite(binomialTails(2000, 1000, 0.5).lower)).toBe(true);
  });

  it('rejects impossible counts instead of returning NaN', () => {
    expect(rarity(2, 200)).toBeCloseTo(2, 12);
    expect(() => rarity(0, 10)).toThrow(expect.objectContaining({ code: 'INSIGHTS_NOTABILITY' }));
    expect(() => binomialTails(5, 2, 1)).toThrow(expect.objectContaining({ code: 'INSIGHTS_NOTABILITY' }));
  });
});
