/** How numbers and scores are written on the pages and in the charts. */

/** 0.4132 → `41%`; below 1% one decimal (`0.4%`), and `<0.1%` rather than a misleading `0%`. */
export function percent(p: number): string {
  if (p > 0 && p < 0.001) return '<0.1%';
  return p < 0.01 ? `${(100 * p).toFixed(1)}%` : `${Math.round(100 * p)}%`;
}

/** The score a match ended with: `2-1`, `1-1 aet 2-1`, `0-0 pens 4-3`, or `-` before it is played. */
export function scoreText(score: {
  ft: [number, number] | null;
  et: [number, number] | null;
  pens: [number, number] | null;
}): string {
  if (!score.ft) return '–';
  let text = `${score.ft[0]}-${score.ft[1]}`;
  if (score.et) text += ` aet ${score.et[0]}-${score.et[1]}`;
  if (score.pens) text += ` pens ${score.pens[0]}-${score.pens[1]}`;
  return text;
}
