import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { minimizeLbfgs, type Objective } from '../../src/models/lbfgs.js';

/** Extended Rosenbrock: Σ 100(x[2i+1] − x[2i]²)² + (1 − x[2i])², minimum 0 at (1, …, 1). */
const rosenbrock: Objective = (x, g) => {
  let f = 0;
  g.fill(0);
  for (let i = 0; i < x.length; i += 2) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] += -400 * a * x[i] - 2 * b;
    g[i + 1] += 200 * a;
  }
  return f;
};

describe('minimizeLbfgs', () => {
  it('finds the Rosenbrock minimum from the classic start (−1.2, 1)', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), { gradientTolerance: 1e-10 });
    expect(result.converged).toBe(true);
    // f reaches ~1e-22, where rounding can end the search a hair before the gradient tolerance.
    expect(['gradient-tolerance', 'function-tolerance']).toContain(result.reason);
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(1, 8);
    expect(result.value).toBeLessThan(1e-16);
    expect(result.gradientNorm).toBeLessThanOrEqual(1e-8);
    expect(result.iterations).toBeGreaterThan(10); // it really had to walk the valley
  });

  it('solves a 20-dimensional extended Rosenbrock', () => {
    const x0 = new Float64Array(20);
    for (let i = 0; i < 20; i += 2) {
      x0[i] = -1.2;
      x0[i + 1] = 1;
    }
    const result = minimizeLbfgs(rosenbrock, x0, { gradientTolerance: 1e-9 });
    expect(result.converged).toBe(true);
    for (const v of result.x) expect(v).toBeCloseTo(1, 7);
  });

  it('reaches the exact minimiser of an ill-conditioned quadratic ½xᵀAx − bᵀx', () => {
    // A = diag(1, 10, 100, 1000) + 0.5 on the off-diagonal neighbours (positive definite); b = A·x* for a known x*.
    const n = 4;
    const diag = [1, 10, 100, 1000];
    const a = (i: number, j: number): number => (i === j ? diag[i] : Math.abs(i - j) === 1 ? 0.5 : 0);
    const solution = [3, -2, 0.5, 0.01];
    const b = Array.from({ length: n }, (_, i) => solution.reduce((s, xj, j) => s + a(i, j) * xj, 0));
    const quadratic: Objective = (x, g) => {
      let f = 0;
      for (let i = 0; i < n; i++) {
        let ax = 0;
        for (let j = 0; j < n; j++) ax += a(i, j) * x[j];
        g[i] = ax - b[i];
        f += 0.5 * x[i] * ax - b[i] * x[i];
      }
      return f;
    };
    const result = minimizeLbfgs(quadratic, new Float64Array(n), { gradientTolerance: 1e-9 });
    expect(result.converged).toBe(true);
    expect(result.gradientNorm).toBeLessThan(1e-6);
    result.x.forEach((v, i) => expect(v).toBeCloseTo(solution[i], 8));
  });

  it('backs off from points where the objective is not finite (a barrier) and still converges', () => {
    // f = x − ln x on x > 0 (Infinity elsewhere), minimum at x = 1; the first steps overshoot into x ≤ 0.
    const barrier: Objective = (x, g) => {
      if (x[0] <= 0) return Infinity;
      g[0] = 1 - 1 / x[0];
      return x[0] - Math.log(x[0]);
    };
    const result = minimizeLbfgs(barrier, Float64Array.from([40]));
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
  });

  it('reports not converged on a non-smooth function where it stalls short of the minimum', () => {
    // 10 + |x − 0.3| + 2|y + 0.1|: minimum 10 at a kink; the gradient never gets small.
    const kinked: Objective = (x, g) => {
      g[0] = Math.sign(x[0] - 0.3);
      g[1] = 2 * Math.sign(x[1] + 0.1);
      return 10 + Math.abs(x[0] - 0.3) + 2 * Math.abs(x[1] + 0.1);
    };
    const result = minimizeLbfgs(kinked, Float64Array.from([1, 0.7]));
    expect(result.converged).toBe(false);
    expect(['stalled', 'line-search-failed']).toContain(result.reason);
    expect(result.gradientNorm).toBeGreaterThanOrEqual(1);
    expect(Number.isFinite(result.value)).toBe(true);
  });

  it('reports a failed line search when the gradient does not match the function', () => {
    const wrong: Objective = (x, g) => {
      g[0] = -2 * (x[0] - 3); // sign flipped: "descent" goes uphill
      return (x[0] - 3) * (x[0] - 3);
    };
    const result = minimizeLbfgs(wrong, Float64Array.from([0]));
    expect(result.converged).toBe(false);
    expect(result.reason).toBe('line-search-failed');
    expect(result.x[0]).toBe(0); // no step was accepted
  });

  it('stops at the iteration limit without claiming convergence', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), { maxIterations: 3 });
    expect(result.iterations).toBe(3);
    expect(result.converged).toBe(false);
    expect(result.reason).toBe('max-iterations');
  });

  it('throws MatchdayError when the start is not finite', () => {
    const nan: Objective = () => NaN;
    expect(() => minimizeLbfgs(nan, new Float64Array(2))).toThrow(MatchdayError);
  });
});
