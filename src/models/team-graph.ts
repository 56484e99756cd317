/**
 * Connected components of the "played each other" graph. Strengths are only comparable inside a component
 * (five leagues that never meet are five components), so each component gets its own identifiability
 * constraint and is reported with every fit.
 */

export interface TeamComponent {
  /** Team indices, ascending. */
  teams: number[];
  /** Matches between teams of this component (0 for a team without matches). */
  matches: number;
}

export interface TeamGraph {
  /** Component index of each team (index into `components`). */
  componentOf: Int32Array;
  /** Ordered by smallest team index. */
  components: TeamComponent[];
}

/**
 * Components over the matches home[i] v away[i]; a match with `weights[i] === 0` is left out (e.g. a match
 * whose time-decay weight underflowed to zero carries no information).
 */
export function connectedComponents(
  teamCount: number,
  homeTeam: Int32Array,
  awayTeam: Int32Array,
  weights?: Float64Array,
): TeamGraph {
  const parent = new Int32Array(teamCount);
  for (let t = 0; t < teamCount; t++) parent[t] = t;
  const root = (t: number): number => {
    while (parent[t] !== t) {
      parent[t] = parent[parent[t]]; // path halving
      t = parent[t];
    }
    return t;
  };
  for (let i = 0; i < homeTeam.length; i++) {
    if (weights && weights[i] === 0) continue;
    const a = root(homeTeam[i]);
    const b = root(awayTeam[i]);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b); // the smaller index stays the root
  }

  const componentOf = new Int32Array(teamCount);
  const components: TeamComponent[] = [];
  const componentOfRoot = new Int32Array(teamCount).fill(-1);
  for (let t = 0; t < teamCount; t++) {
    const r = root(t);
    if (componentOfRoot[r] < 0) {
      componentOfRoot[r] = components.length;
      components.push({ teams: [], matches: 0 });
    }
    componentOf[t] = componentOfRoot[r];
    components[componentOf[t]].teams.push(t);
  }
  for (let i = 0; i < homeTeam.length; i++) {
    if (weights && weights[i] === 0) continue;
    components[componentOf[homeTeam[i]]].matches++;
  }
  return { componentOf, components };
}
