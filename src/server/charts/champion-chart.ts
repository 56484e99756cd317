import * as Plot from '@observablehq/plot';
import { percent } from '../display-format.js';
import { renderChart } from './plot-svg.js';

/** Each team still in with a chance, most likely winner first, as horizontal bars of P(winning the competition). */
export function championChartSvg(id: string, title: string, teams: readonly { name: string; p: number }[]): string {
  const shown = [...teams].filter((t) => t.p > 0).sort((a, b) => b.p - a.p);
  type Team = (typeof shown)[number];
  return renderChart(
    { id, title, description: shown.map((t) => `${t.name} ${percent(t.p)}`).join(', ') },
    {
      width: 420,
      height: 24 * shown.length + 12,
      marginTop: 6,
      marginBottom: 6,
      marginLeft: 150,
      marginRight: 44,
      x: { axis: null, domain: [0, Math.max(...shown.map((t) => t.p))] },
      y: { domain: shown.map((t) => t.name), label: null, tickSize: 0 },
      marks: [
        Plot.barX(shown, { x: 'p', y: 'name', fill: '#1a5fb4' }),
        Plot.text(shown, { x: 'p', y: 'name', text: (t: Team) => percent(t.p), textAnchor: 'start', dx: 4 }),
      ],
    },
  );
}
