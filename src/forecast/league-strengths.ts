import type { SavedModel } from './match-model.js';

export interface LeagueStrength {
  group: string;
  teams: number;
  attack: number;
  defence: number;
  /** attack + defence: log goal difference per match against an average team of the whole fit. */
  strength: number;
}

/** Mean fitted attack and defence of each league's teams, strongest first: the spread of league strengths. */
export function leagueStrengths(saved: SavedModel): LeagueStrength[] {
  const model = saved.model;
  if (!('params' in model)) return [];
  const sums = new Map<string, { teams: number; attack: number; defence: number }>();
  saved.teams.forEach((team, i) => {
    const sum = sums.get(team.group) ?? { teams: 0, attack: 0, defence: 0 };
    sum.teams++;
    sum.attack += model.params.attack[i];
    sum.defence += model.params.defence[i];
    sums.set(team.group, sum);
  });
  return [...sums]
    .map(([group, s]) => ({
      group,
      teams: s.teams,
      attack: s.attack / s.teams,
      defence: s.defence / s.teams,
      strength: (s.attack + s.defence) / s.teams,
    }))
    .sort((a, b) => b.strength - a.strength);
}
