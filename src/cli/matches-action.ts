import { listMatches, type ListedMatch } from '../app/list-matches.js';
import { openCommandDatabase } from './database-option.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

export interface MatchesOptions extends CommonOptions {
  team: string;
  competition?: string;
  season?: string;
}

/** `matchday matches`, loaded when the command runs (start-up and --help stay fast): options → listMatches. */
export function runMatchesCommand(options: MatchesOptions): Promise<void> {
  return runCommand(options, () => {
    const db = openCommandDatabase(options, { readonly: true });
    let list;
    try {
      list = listMatches(db, {
        team: options.team,
        ...(options.competition !== undefined && { competition: options.competition }),
        ...(options.season !== undefined && { season: options.season }),
      });
    } finally {
      db.close();
    }
    if (options.json) return printJson(list);
    printTable(
      ['date', 'competition', 'round', 'home', 'score', 'away', 'leg', 'ground', 'forecast beforehand'],
      list.matches.map((m) => [
        m.date,
        m.competition.code,
        m.round ?? '',
        m.home.name,
        formatScore(m.score),
        m.away.name,
        m.leg ?? '',
        m.neutral ? 'neutral' : '',
        forecastCell(m.preMatchForecast),
      ]),
    );
  });
}

function formatScore(score: {
  ft: [number, number] | null;
  et: [number, number] | null;
  pens: [number, number] | null;
}): string {
  if (!score.ft && !score.et) return '-';
  // Some sources give a match that went to extra time only its score after it.
  let text = score.ft ? `${score.ft[0]}-${score.ft[1]}` : '';
  if (score.et) text += `${text ? ' ' : ''}aet ${score.et[0]}-${score.et[1]}`;
  if (score.pens) text += ` pens ${score.pens[0]}-${score.pens[1]}`;
  return text;
}

const percent = (p: number) => `${(100 * p).toFixed(1)}%`;

/** `1X2 52/25/23%; gave the 2-1 9.1%, the home win 52.0%` — or the 1X2 alone before the result is in. */
function forecastCell(forecast: ListedMatch['preMatchForecast']): string {
  if (!forecast) return '';
  const r = forecast.result;
  const oneXTwo = `1X2 ${[r.home, r.draw, r.away].map((p) => (100 * p).toFixed(0)).join('/')}%`;
  if (!('outcome' in forecast)) return oneXTwo;
  const outcome = { home: 'home win', draw: 'draw', away: 'away win' }[forecast.outcome];
  return `${oneXTwo}; gave the score ${percent(forecast.scoreProbability)}, the ${outcome} ${percent(forecast.outcomeProbability)}`;
}
