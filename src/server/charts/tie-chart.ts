import * as Plot from '@observablehq/plot';
import { percent } from '../display-format.js';
import { AWAY_SHADES, HOME_SHADES } from './chart-colours.js';
import { renderChart } from './plot-svg.js';

/** One team's chance of going through, by how. */
export interface QualificationSplitView {
  name: string;
  ninetyMinutes: number;
  extraTime: number;
  penalties: number;
}

const WAYS = ['in 90 minutes', 'in extra time', 'on penalties'] as const;

/**
 * Who goes through and how: one bar per team (this match's home team first), split into 90 minutes, extra time
 * and penalties, lighter for the later ways.
 */
export function tieChartSvg(id: string, home: QualificationSplitView, away: QualificationSplitView): string {
  const rows = [home, away].flatMap((team, side) =>
    [team.ninetyMinutes, team.extraTime, team.penalties].map((p, way) => ({
      team: team.name,
      way: WAYS[way],
      p,
      colour: (side === 0 ? HOME_SHADES : AWAY_SHADES)[way],
    })),
  );
  type Row = (typeof rows)[number];
  const total = (team: QualificationSplitView) => team.ninetyMinutes + team.extraTime + team.penalties;
  const sentence = (team: QualificationSplitView) =>
    `${team.name} ${percent(total(team))} (${percent(team.ninetyMinutes)} in 90 minutes, ` +
    `${percent(team.extraTime)} in extra time, ${percent(team.penalties)} on penalties)`;
  return renderChart(
    { id, title: 'Chance of going through', description: `${sentence(home)}; ${sentence(away)}.` },
    {
      width: 420,
      height: 150,
      marginLeft: 16,
      marginRight: 24,
      marginTop: 24,
      marginBottom: 28,
      x: { domain: [0, 1], tickFormat: (p: number) => percent(p), ticks: 5, label: null },
      y: { domain: [home.name, away.name], axis: null, padding: 0.45 },
      marks: [
        Plot.barX(rows, Plot.stackX({ x: 'p', y: 'team', fill: (r: Row) => r.colour, inset: 0.5 })),
        Plot.text(
          rows.filter((r) => r.p >= 0.07),
          Plot.stackX({ x: 'p', y: 'team', text: (r: Row) => percent(r.p), fill: 'white', fontWeight: 'bold' }),
        ),
        Plot.text([home, away], {
          x: 0,
          y: 'name',
          text: (t: QualificationSplitView) => `${t.name} ${percent(total(t))}`,
          textAnchor: 'start',
          dy: -19,
          fontWeight: 'bold',
        }),
      ],
    },
  );
}
