import type { CompetitionScope, EveryGameThisSeasonFact, RunFact, VenueScope } from '../insights/facts.js';

/**
 * The words that say what a fact was computed over — which competitions, which venue, from when the data holds a
 * team's every match — shared by the story's lead and the match preview's sentences.
 */

/** `European home `, `league `, `away `, or nothing: the adjectives before "match", "defeat", "win". */
export function scopeAdjective(competitions: CompetitionScope, venue: VenueScope): string {
  const words = [
    competitions === 'continental'
      ? 'European'
      : competitions === 'league'
        ? 'league'
        : competitions === 'cup'
          ? 'cup'
          : '',
    venue === 'home' ? 'home' : venue === 'away' ? 'away' : '',
  ].filter((w) => w !== '');
  // "home league defeat" reads better than "league home defeat".
  if (words.length === 2 && competitions === 'league') words.reverse();
  return words.length > 0 ? `${words.join(' ')} ` : '';
}

/** The scope adjective of a team fact, with what the data covers when "all competitions" is not true of it:
 * `league and European away `. */
export function factScopeAdjective(f: RunFact | EveryGameThisSeasonFact): string {
  if (f.competitions !== 'all' || f.scope.complete) return scopeAdjective(f.competitions, f.venue);
  const covered = f.scope.covers.replace(/ matches$/, '');
  return `${covered} ${scopeAdjective(f.competitions, f.venue)}`;
}

export function scopeIn(competitions: CompetitionScope): string {
  switch (competitions) {
    case 'continental':
      return 'in European competition';
    case 'league':
      return 'in the league';
    case 'cup':
      return 'in cup competitions';
    case 'all':
      return 'in all competitions';
  }
}

/** A match before `comparedFrom` lies where the data may have gaps: "since" it is no claim to make. */
export function coveredSince(f: RunFact, date: string): boolean {
  return f.comparedFrom !== null && date >= f.comparedFrom;
}
