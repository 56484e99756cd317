import { MatchdayError } from '../errors.js';

/**
 * Calibration: do events forecast at p happen a share p of the time? Forecasts are grouped into bins by
 * predicted probability and each bin's mean forecast is set against the observed frequency. Works for one
 * outcome of a 1X2 forecast (home win, draw, away win) and for any binary event (a tie's qualification).
 */
export type Binning = 'equal-width' | 'quantile';

export interface ReliabilityBin {
  /** Range of the predicted probabilities in the bin (the bin's edges for equal-width bins). */
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  readonly meanPredicted: number;
  readonly observedFrequency: number;
  /**
   * Standard error of the observed frequency if the forecasts were right: √(Σ p_i(1 − p_i)) / count.
   * |observed − predicted| well beyond two of these is miscalibration, not noise.
   */
  readonly standardError: number;
}

export interface ReliabilityTable {
  readonly label: string;
  readonly binning: Binning;
  /** Non-empty bins in increasing order of predicted probability. */
  readonly bins: readonly ReliabilityBin[];
  readonly count: number;
  readonly meanPredicted: number;
  readonly observedFrequency: number;
}

export interface ReliabilityOptions {
  readonly label?: string;
  /** Number of bins (10 = deciles). */
  readonly bins?: number;
  /** `equal-width`: [0, 0.1), [0.1, 0.2), ...; `quantile`: equal numbers of forecasts per bin. */
  readonly binning?: Binning;
}

/** Reliability table of a binary event: `predicted[i]` its forecast probability, `occurred[i]` whether it happened. */
export function reliabilityTable(
  predicted: ArrayLike<number>,
  occurred: ArrayLike<number | boolean>,
  options: ReliabilityOptions = {},
): ReliabilityTable {
  const { label = 'event', bins = 10, binning = 'equal-width' } = options;
  const n = predicted.length;
  if (occurred.length !== n)
    throw new MatchdayError('INVALID_ARGUMENT', `${n} forecasts but ${occurred.length} observations`);
  if (n === 0) throw new MatchdayError('INVALID_ARGUMENT', `no forecasts to calibrate for ${label}`);
  if (!Number.isInteger(bins) || bins < 1)
    throw new MatchdayError('INVALID_ARGUMENT', `bins must be a positive integer, got ${bins}`, { field: 'bins' });
  const hit = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = predicted[i];
    if (!(p >= 0 && p <= 1))
      throw new MatchdayError('INVALID_FORECAST', `forecast ${i} is ${p}, not a probability`, { field: 'predicted' });
    const o = occurred[i];
    if (o !== true && o !== false && o !== 0 && o !== 1) {
      throw new MatchdayError('INVALID_ARGUMENT', `observation ${i} is ${String(o)}, expected 0/1 or a boolean`, {
        field: 'occurred',
      });
    }
    hit[i] = o === true || o === 1 ? 1 : 0;
  }

  const members: number[][] = Array.from({ length: bins }, () => []);
  if (binning === 'equal-width') {
    for (let i = 0; i < n; i++) members[Math.min(Math.floor(predicted[i] * bins), bins - 1)].push(i);
  } else {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => predicted[a] - predicted[b]);
    for (let b = 0; b < bins; b++)
      members[b] = order.slice(Math.floor((b * n) / bins), Math.floor(((b + 1) * n) / bins));
  }

  const table: ReliabilityBin[] = [];
  members.forEach((indices, b) => {
    if (indices.length === 0) return;
    const summary = summarise(
      indices.map((i) => predicted[i]),
      indices.map((i) => hit[i]),
    );
    const lower = binning === 'equal-width' ? b / bins : predicted[indices[0]];
    const upper = binning === 'equal-width' ? (b + 1) / bins : predicted[indices[indices.length - 1]];
    table.push({ lower, upper, ...summary });
  });
  const overall = summarise(Array.from(predicted), Array.from(hit));
  return {
    label,
    binning,
    bins: table,
    count: n,
    meanPredicted: overall.meanPredicted,
    observedFrequency: overall.observedFrequency,
  };
}

/** One reliability table per outcome of categorical forecasts (default labels: 1X2). */
export function outcomeReliability(
  forecasts: readonly ArrayLike<number>[],
  outcomes: ArrayLike<number>,
  options: Omit<ReliabilityOptions, 'label'> & { labels?: readonly string[] } = {},
): ReliabilityTable[] {
  const labels = checkCategorical(forecasts, outcomes, options.labels);
  return labels.map((label, k) =>
    reliabilityTable(
      forecasts.map((f) => f[k]),
      Array.from(outcomes, (o) => o === k),
      { ...options, label },
    ),
  );
}

export interface PredictedVsObserved {
  readonly label: string;
  readonly count: number;
  readonly meanPredicted: number;
  readonly observedFrequency: number;
  /** As in ReliabilityBin: the spread of the observed frequency if the forecasts were right. */
  readonly standardError: number;
}

/** Mean forecast against observed frequency for each outcome — e.g. the predicted against the observed draw rate. */
export function predictedVsObserved(
  forecasts: readonly ArrayLike<number>[],
  outcomes: ArrayLike<number>,
  labels?: readonly string[],
): PredictedVsObserved[] {
  const names = checkCategorical(forecasts, outcomes, labels);
  return names.map((label, k) => ({
    label,
    ...summarise(
      forecasts.map((f) => f[k]),
      Array.from(outcomes, (o) => (o === k ? 1 : 0)),
    ),
  }));
}

function summarise(predicted: readonly number[], hit: ArrayLike<number>): Omit<ReliabilityBin, 'lower' | 'upper'> {
  let sumP = 0;
  let sumVar = 0;
  let hits = 0;
  for (let i = 0; i < predicted.length; i++) {
    sumP += predicted[i];
    sumVar += predicted[i] * (1 - predicted[i]);
    hits += hit[i];
  }
  const count = predicted.length;
  return {
    count,
    meanPredicted: sumP / count,
    observedFrequency: hits / count,
    standardError: Math.sqrt(sumVar) / count,
  };
}

const OUTCOME_LABELS_1X2 = ['home win', 'draw', 'away win'];

function checkCategorical(
  forecasts: readonly ArrayLike<number>[],
  outcomes: ArrayLike<number>,
  labels?: readonly string[],
): readonly string[] {
  if (forecasts.length !== outcomes.length)
    throw new MatchdayError('INVALID_ARGUMENT', `${forecasts.length} forecasts but ${outcomes.length} outcomes`);
  if (forecasts.length === 0) throw new MatchdayError('INVALID_ARGUMENT', 'no forecasts to calibrate');
  const width = forecasts[0].length;
  const names = labels ?? (width === 3 ? OUTCOME_LABELS_1X2 : Array.from({ length: width }, (_, k) => `outcome ${k}`));
  if (names.length !== width)
    throw new MatchdayError('INVALID_ARGUMENT', `${names.length} labels for ${width} outcomes`, { field: 'labels' });
  forecasts.forEach((f, i) => {
    if (f.length !== width)
      throw new MatchdayError('INVALID_FORECAST', `forecast ${i} has ${f.length} outcomes, expected ${width}`);
    if (!Number.isInteger(outcomes[i]) || outcomes[i] < 0 || outcomes[i] >= width) {
      throw new MatchdayError('INVALID_FORECAST', `outcome ${i} is ${outcomes[i]}, not in 0..${width - 1}`, {
        field: 'outcome',
      });
    }
  });
  return names;
}

export interface DiagramOptions {
  readonly title: string;
  readonly width?: number;
  readonly height?: number;
  /** Prefix for the element ids the accessible name points to; make it unique when a page holds several diagrams. */
  readonly id?: string;
}

const SERIES_COLOURS = ['#1f77b4', '#7f7f7f', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];

/**
 * A standalone SVG reliability diagram: observed frequency against mean predicted probability per bin, one
 * coloured series per table, the diagonal of perfect calibration, ±2 standard-error bars, and points sized by
 * how many forecasts the bin holds. Each point carries a <title> with its numbers.
 */
export function reliabilityDiagramSvg(tables: readonly ReliabilityTable[], options: DiagramOptions): string {
  if (tables.length === 0)
    throw new MatchdayError('INVALID_ARGUMENT', 'a reliability diagram needs at least one table');
  const { title, width = 480, height = 480, id = 'reliability' } = options;
  // Title lines wrapped to the width (about 0.6 em per character at 15 px).
  const titleLines = wrapWords(title, Math.max(10, Math.floor((width - 20) / 9)));
  const margin = {
    left: 60,
    right: 20,
    top: 26 + 18 * titleLines.length,
    bottom: 56 + 18 * Math.ceil(tables.length / 3),
  };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  if (plotWidth < 50 || plotHeight < 50)
    throw new MatchdayError('INVALID_ARGUMENT', `diagram ${width}×${height} is too small`, { field: 'width' });
  const px = (p: number): string => (margin.left + p * plotWidth).toFixed(1);
  const py = (p: number): string => (margin.top + (1 - p) * plotHeight).toFixed(1);
  const maxCount = Math.max(...tables.flatMap((t) => t.bins.map((b) => b.count)), 1);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="sans-serif" font-size="12">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(
      `Reliability diagram of ${tables.map((t) => `${t.label} (${t.count} forecasts, mean predicted ${t.meanPredicted.toFixed(3)}, observed ${t.observedFrequency.toFixed(3)})`).join('; ')}. Points on the diagonal are perfectly calibrated.`,
    )}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${(width / 2).toFixed(1)}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${titleLines
      .map((line, i) => `<tspan x="${(width / 2).toFixed(1)}" dy="${i === 0 ? 0 : 18}">${escapeXml(line)}</tspan>`)
      .join('')}</text>`,
  );

  out.push('<g class="grid" stroke="#e5e5e5" stroke-width="1">');
  for (let t = 0; t <= 10; t++) {
    const v = t / 10;
    out.push(
      `<line x1="${px(v)}" y1="${py(0)}" x2="${px(v)}" y2="${py(1)}"/>`,
      `<line x1="${px(0)}" y1="${py(v)}" x2="${px(1)}" y2="${py(v)}"/>`,
    );
  }
  out.push('</g>', '<g class="ticks" fill="#444444">');
  for (let t = 0; t <= 10; t += 2) {
    const v = t / 10;
    out.push(
      `<text x="${px(v)}" y="${(margin.top + plotHeight + 16).toFixed(1)}" text-anchor="middle">${v.toFixed(1)}</text>`,
      `<text x="${(margin.left - 8).toFixed(1)}" y="${py(v)}" text-anchor="end" dominant-baseline="middle">${v.toFixed(1)}</text>`,
    );
  }
  out.push(
    '</g>',
    `<rect x="${px(0)}" y="${py(1)}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#999999"/>`,
    `<line class="diagonal" x1="${px(0)}" y1="${py(0)}" x2="${px(1)}" y2="${py(1)}" stroke="#555555" stroke-dasharray="4 4"/>`,
    `<text x="${(margin.left + plotWidth / 2).toFixed(1)}" y="${(margin.top + plotHeight + 36).toFixed(1)}" text-anchor="middle">Mean predicted probability</text>`,
    `<text transform="translate(16 ${(margin.top + plotHeight / 2).toFixed(1)}) rotate(-90)" text-anchor="middle">Observed frequency</text>`,
  );

  tables.forEach((table, s) => {
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length];
    out.push(`<g class="series" aria-label="${escapeXml(table.label)}" fill="${colour}" stroke="${colour}">`);
    const points = table.bins.map((b) => `${px(b.meanPredicted)},${py(b.observedFrequency)}`).join(' ');
    out.push(`<polyline points="${points}" fill="none" stroke-width="1.5"/>`);
    for (const bin of table.bins) {
      const low = Math.max(0, bin.observedFrequency - 2 * bin.standardError);
      const high = Math.min(1, bin.observedFrequency + 2 * bin.standardError);
      const radius = 2.5 + 5 * Math.sqrt(bin.count / maxCount);
      const tip = `${table.label}, forecasts ${bin.lower.toFixed(3)}–${bin.upper.toFixed(3)}: ${bin.count} forecasts, mean predicted ${bin.meanPredicted.toFixed(3)}, observed ${bin.observedFrequency.toFixed(3)} ± ${(2 * bin.standardError).toFixed(3)}`;
      out.push(
        `<line x1="${px(bin.meanPredicted)}" y1="${py(low)}" x2="${px(bin.meanPredicted)}" y2="${py(high)}" stroke-width="1"/>`,
        `<circle cx="${px(bin.meanPredicted)}" cy="${py(bin.observedFrequency)}" r="${radius.toFixed(1)}" fill-opacity="0.75"><title>${escapeXml(tip)}</title></circle>`,
      );
    }
    out.push('</g>');
  });

  out.push('<g class="legend">');
  tables.forEach((table, s) => {
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length];
    const x = margin.left + (s % 3) * (plotWidth / 3);
    const y = margin.top + plotHeight + 56 + 18 * Math.floor(s / 3);
    out.push(
      `<circle cx="${(x + 6).toFixed(1)}" cy="${(y - 4).toFixed(1)}" r="5" fill="${colour}"/>`,
      `<text x="${(x + 16).toFixed(1)}" y="${y.toFixed(1)}">${escapeXml(table.label)}</text>`,
    );
  });
  out.push('</g>', '</svg>');
  return out.join('\n');
}

/** Greedy word wrap to lines of at most `width` characters (a longer single word gets a line of its own). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The reliability bin a forecast falls in (bins cover [0, 1] in equal widths, 1 included in the last). */
export function binOf(table: ReliabilityTable, probability: number): ReliabilityBin | null {
  return (
    table.bins.find((b) => probability >= b.lower && (probability < b.upper || (b.upper === 1 && probability <= 1))) ??
    null
  );
}
