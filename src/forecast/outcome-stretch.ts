import type { Probabilities1x2 } from './match-forecaster.js';

/**
 * Recalibrates 1X2 probabilities by stretching them on the ordered-logit scale. Any (home, draw, away) with
 * non-zero home and away probabilities is P(home) = F(s − c), P(away) = F(−s − c) for a unique superiority s
 * and draw half-width c (F logistic); the stretch multiplies s by `factor` and keeps c, so factor > 1 makes
 * favourites firmer and leaves an even match even.
 *
 * Why: the goal models are underconfident out of sample — their log(P(home)/P(away)) varies ~0.84 times as
 * much as the closing market's, and a factor of ~1.1 lowers their RPS on every period we tried
 * (docs/backtest.md). A goal model shrinks teams toward their league (prior, time decay over seasons in which
 * today's extremes were milder); the stretch undoes part of that on the outcome scale.
 *
 * `drawWidening` is added to c: stretching and the superiority shifts take draw probability away, and the
 * models' draw rate was already a little under the observed one.
 */
export function stretchOutcomes(probabilities: Probabilities1x2, factor: number, drawWidening = 0): Probabilities1x2 {
  return reshapeOutcomes(probabilities, factor, 0, drawWidening);
}

/**
 * Moves a forecast toward the home side (shift > 0) or the away side on the same ordered-logit scale: s
 * becomes s + shift, the draw half-width c is kept.
 */
export function shiftOutcomes(probabilities: Probabilities1x2, shift: number): Probabilities1x2 {
  return reshapeOutcomes(probabilities, 1, shift, 0);
}

function reshapeOutcomes(
  probabilities: Probabilities1x2,
  factor: number,
  shift: number,
  drawWidening: number,
): Probabilities1x2 {
  const [home, , away] = probabilities;
  if (!(home > 0 && away > 0 && home + away < 1)) return probabilities;
  const logitHome = Math.log(home / (1 - home));
  const logitAway = Math.log(away / (1 - away));
  const superiority = factor * ((logitHome - logitAway) / 2) + shift;
  const drawWidth = -(logitHome + logitAway) / 2 + drawWidening;
  const newHome = logistic(superiority - drawWidth);
  const newAway = logistic(-superiority - drawWidth);
  return [newHome, 1 - newHome - newAway, newAway];
}

export function logistic(t: number): number {
  return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
}
