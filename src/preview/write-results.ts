import type { MatchSummary } from '../insights/facts.js';
import { scoreline } from './write-english.js';

/**
 * Matches as a sentence mentions them. Scores are written winner first, as reports do ("a 3-0 defeat"), and
 * extra time or a shoot-out is always said, so a phrase never hides how a match ended.
 */

/** From one team's side: `a 1-0 home defeat by Crystal Palace`, `a 0-0 draw at Chelsea`, `a 5-0 win at Atalanta`. */
export function resultPhrase(match: MatchSummary, teamId: number): string {
  const isHome = match.home.id === teamId;
  const opponent = isHome ? match.away.name : match.home.name;
  const [own, other] = isHome ? match.score : [match.score[1], match.score[0]];
  const score = scoreline(Math.max(own, other), Math.min(own, other));
  const where = match.neutral ? 'neutral' : isHome ? 'home' : 'away';
  let phrase: string;
  if (own > other) {
    phrase =
      where === 'home'
        ? `a ${score} home win over ${opponent}`
        : where === 'away'
          ? `a ${score} win at ${opponent}`
          : `a ${score} win over ${opponent}`;
  } else if (own < other) {
    phrase =
      where === 'home'
        ? `a ${score} home defeat by ${opponent}`
        : where === 'away'
          ? `a ${score} defeat at ${opponent}`
          : `a ${score} defeat by ${opponent}`;
  } else {
    phrase =
      where === 'home'
        ? `a ${score} home draw with ${opponent}`
        : where === 'away'
          ? `a ${score} draw at ${opponent}`
          : `a ${score} draw with ${opponent}`;
  }
  return phrase + endingPhrase(match);
}

/** Neutrally: `Liverpool won 5-0 at Atalanta`, `Atalanta and Liverpool drew 1-1`. */
export function matchDescription(match: MatchSummary): string {
  const [home, away] = match.score;
  const ending = endingPhrase(match);
  if (home === away) return `${match.home.name} and ${match.away.name} drew ${scoreline(home, away)}${ending}`;
  const homeWon = home > away;
  const winner = homeWon ? match.home.name : match.away.name;
  const loser = homeWon ? match.away.name : match.home.name;
  const score = scoreline(Math.max(home, away), Math.min(home, away));
  const place = match.neutral ? ` against ${loser}` : homeWon ? ` at home to ${loser}` : ` at ${loser}`;
  return `${winner} won ${score}${place}${ending}`;
}

/** Round names as a sentence uses them: `Quarter-finals` → `quarter-final`, `Round of 16` → `round of 16`. */
export function roundPhrase(round: string): string {
  return round
    .trim()
    .toLowerCase()
    .replace(/(finals|play-offs|playoffs)$/, (word) => word.slice(0, -1));
}

/** ` after extra time`, ` (Liverpool won 4-3 on penalties)`; empty after 90 minutes. */
function endingPhrase(match: MatchSummary): string {
  if (match.penalties) {
    const [home, away] = match.penalties;
    const winner = home > away ? match.home.name : match.away.name;
    return ` (${winner} won ${scoreline(Math.max(home, away), Math.min(home, away))} on penalties)`;
  }
  return match.extraTime ? ' after extra time' : '';
}
