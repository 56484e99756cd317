import { describe, expect, it } from 'vitest';
import { connectedComponents } from '../../src/models/team-graph.js';

describe('connectedComponents', () => {
  // Teams 0-2 play each other, 3-4 play each other, 5 plays nobody; 6 only in a zero-weight match with 4.
  const home = Int32Array.from([0, 1, 2, 3, 4, 6]);
  const away = Int32Array.from([1, 2, 0, 4, 3, 4]);

  it('splits teams that never meet and counts matches per component', () => {
    const graph = connectedComponents(7, home, away);
    expect(graph.components).toEqual([
      { teams: [0, 1, 2], matches: 3 },
      { teams: [3, 4, 6], matches: 3 },
      { teams: [5], matches: 0 },
    ]);
    expect(Array.from(graph.componentOf)).toEqual([0, 0, 0, 1, 1, 2, 1]);
  });

  it('leaves out matches with zero weight', () => {
    const weights = Float64Array.from([1, 1, 1, 1, 0.5, 0]);
    const graph = connectedComponents(7, home, away, weights);
    expect(graph.components).toEqual([
      { teams: [0, 1, 2], matches: 3 },
      { teams: [3, 4], matches: 2 },
      { teams: [5], matches: 0 },
      { teams: [6], matches: 0 },
    ]);
  });

  it('joins chains in any order (a long path becomes one component)', () => {
    const n = 50;
    const h = Int32Array.from({ length: n - 1 }, (_, i) => n - 1 - i);
    const a = Int32Array.from({ length: n - 1 }, (_, i) => n - 2 - i);
    const graph = connectedComponents(n, h, a);
    expect(graph.components).toHaveLength(1);
    expect(graph.components[0].matches).toBe(n - 1);
  });
});
