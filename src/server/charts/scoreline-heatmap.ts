import * as Plot from '@observablehq/plot';
import type { CorrectScore } from '../../forecast/markets.js';
import { percent } from '../display-format.js';
import { renderChart } from './plot-svg.js';

/** Goals per side shown: higher scores are rare and would make every cell too small to read on a phone. */
const SHOWN_GOALS = 5;

/** P(each scoreline) 0–5 × 0–5 as a heatmap, home goals down, away goals across, each cell labelled. */
export function scorelineHeatmapSvg(
  id: string,
  names: { home: string; away: string },
  scores: readonly CorrectScore[],
): string {
  const shown = scores.filter((s) => s.home <= SHOWN_GOALS && s.away <= SHOWN_GOALS);
  const outside = 1 - shown.reduce((sum, s) => sum + s.probability, 0);
  const top = [...shown].sort((a, b) => b.probability - a.probability).slice(0, 3);
  const description =
    `Most likely: ${top.map((s) => `${s.home}-${s.away} ${percent(s.probability)}`).join(', ')}. ` +
    `Scores with more than ${SHOWN_GOALS} goals for a side: ${percent(Math.max(0, outside))} together.`;
  const goals = Array.from({ length: SHOWN_GOALS + 1 }, (_, i) => i);
  const max = Math.max(...shown.map((s) => s.probability));
  return renderChart(
    { id, title: `Scoreline probabilities, ${names.home} goals first`, description },
    {
      width: 420,
      height: 400,
      marginLeft: 44,
      marginTop: 44,
      marginBottom: 8,
      padding: 0.04,
      x: {
        domain: goals,
        axis: 'top',
        label: `${names.away} goals`,
        labelAnchor: 'center',
        labelArrow: 'right',
        tickSize: 0,
      },
      y: { domain: goals, label: `${names.home} goals`, labelAnchor: 'center', labelArrow: 'down', tickSize: 0 },
      color: { type: 'linear', domain: [0, max], range: ['#eef4fb', '#1a5fb4'] },
      marks: [
        Plot.cell(shown, { x: 'away', y: 'home', fill: 'probability', inset: 0.5 }),
        Plot.text(shown, {
          x: 'away',
          y: 'home',
          text: (s: CorrectScore) => percent(s.probability),
          fill: (s: CorrectScore) => (s.probability > max * 0.55 ? 'white' : 'black'),
        }),
      ],
    },
  );
}
