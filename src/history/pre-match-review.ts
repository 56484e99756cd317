import type { PreMatchForecast } from '../store/forecast-store.js';

/** What a stored pre-match forecast had given the score and the result that came. */
export interface PreMatchReview {
  forecast: PreMatchForecast;
  outcome: 'home' | 'draw' | 'away';
  /** The stored 1X2 probability of the outcome that came. */
  outcomeProbability: number;
  /** The stored grid's probability of the exact final score (0 beyond the grid). */
  scoreProbability: number;
}

export function reviewPreMatchForecast(forecast: PreMatchForecast, score: readonly [number, number]): PreMatchReview {
  const [home, away] = score;
  const outcome = home > away ? 'home' : home < away ? 'away' : 'draw';
  const { maxGoals, p } = forecast.scores;
  const inGrid = home <= maxGoals && away <= maxGoals;
  return {
    forecast,
    outcome,
    outcomeProbability: forecast.result[outcome],
    scoreProbability: inGrid ? p[home * (maxGoals + 1) + away] : 0,
  };
}
