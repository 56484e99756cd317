import * as Plot from '@observablehq/plot';
import { percent } from '../display-format.js';
import { AWAY_COLOUR, DRAW_COLOUR, HOME_COLOUR } from './chart-colours.js';
import { renderChart } from './plot-svg.js';

/** The 1X2 split as one stacked bar: home win, draw, away win, each labelled with its percentage. */
export function resultBarSvg(
  id: string,
  names: { home: string; away: string },
  result: { home: number; draw: number; away: number },
): string {
  const data = [
    { outcome: `${names.home} win`, p: result.home, colour: HOME_COLOUR },
    { outcome: 'Draw', p: result.draw, colour: DRAW_COLOUR },
    { outcome: `${names.away} win`, p: result.away, colour: AWAY_COLOUR },
  ];
  const description = data.map((d) => `${d.outcome} ${percent(d.p)}`).join(', ');
  return renderChart(
    { id, title: 'Result probabilities (90 minutes)', description },
    {
      width: 420,
      height: 56,
      margin: 0,
      x: { domain: [0, 1], axis: null },
      y: { axis: null },
      marks: [
        Plot.barX(data, Plot.stackX({ x: 'p', fill: (d: (typeof data)[number]) => d.colour, inset: 0.5 })),
        Plot.text(
          data.filter((d) => d.p >= 0.08),
          Plot.stackX({ x: 'p', text: (d: (typeof data)[number]) => percent(d.p), fill: 'white', fontWeight: 'bold' }),
        ),
      ],
    },
  );
}
