import * as Plot from '@observablehq/plot';
import type { CorrectScore } from '../../forecast/markets.js';
import { percent } from '../display-format.js';
import { renderChart } from './plot-svg.js';

/** Totals from this many goals up share one bar. */
const LAST_BAR = 7;

/** The distribution of total match goals (0, 1, … 7+) as bars labelled with their percentages. */
export function totalsChartSvg(id: string, scores: readonly CorrectScore[]): string {
  const bars = Array.from({ length: LAST_BAR + 1 }, (_, goals) => ({
    goals: goals === LAST_BAR ? `${LAST_BAR}+` : String(goals),
    p: 0,
  }));
  for (const s of scores) bars[Math.min(s.home + s.away, LAST_BAR)].p += s.probability;
  const description = bars.map((b) => `${b.goals} goals ${percent(b.p)}`).join(', ');
  return renderChart(
    { id, title: 'Total goals in the match (90 minutes)', description },
    {
      width: 420,
      height: 220,
      marginTop: 24,
      x: { domain: bars.map((b) => b.goals), label: null, padding: 0.15 },
      y: { axis: null, domain: [0, Math.max(...bars.map((b) => b.p)) * 1.15] },
      marks: [
        Plot.barY(bars, { x: 'goals', y: 'p', fill: '#5e5c64' }),
        Plot.text(bars, { x: 'goals', y: 'p', text: (b: (typeof bars)[number]) => percent(b.p), dy: -8 }),
        Plot.ruleY([0]),
      ],
    },
  );
}
