import * as Plot from '@observablehq/plot';
import { renderChart } from './plot-svg.js';

export interface RatingPoint {
  date: string;
  rating: number;
}

/** A team's Elo rating after each match, as a line over time. */
export function ratingChartSvg(id: string, team: string, points: readonly RatingPoint[]): string {
  const data = points.map((p) => ({ date: new Date(`${p.date}T00:00:00Z`), rating: p.rating }));
  const first = points[0];
  const last = points.at(-1)!;
  const peak = points.reduce((best, p) => (p.rating > best.rating ? p : best), first);
  const description =
    `${Math.round(first.rating)} on ${first.date}, ${Math.round(last.rating)} on ${last.date}; ` +
    `highest ${Math.round(peak.rating)} on ${peak.date}.`;
  return renderChart(
    { id, title: `${team}: Elo rating over time`, description },
    {
      width: 420,
      height: 240,
      marginLeft: 48,
      x: { type: 'utc', label: null, ticks: 5 },
      y: { label: 'Elo', grid: true, nice: true, ticks: 5 },
      marks: [
        Plot.lineY(data, { x: 'date', y: 'rating', stroke: '#1a5fb4', strokeWidth: 1.5 }),
        Plot.dot(data.slice(-1), { x: 'date', y: 'rating', fill: '#1a5fb4', r: 3 }),
      ],
    },
  );
}
