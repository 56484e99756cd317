/**
 * The index page of a round's previews: one line per fixture with its forecast and a link to its preview, in the
 * format the previews were written in.
 */
import { escapeHtml } from './render-html.js';

export interface RoundIndexEntry {
  date: string;
  time: string | null;
  competition: string;
  round: string | null;
  home: string;
  away: string;
  /** The preview's file name beside the index; null when none was written. */
  file: string | null;
  forecast: { home: number; draw: number; away: number; expectedGoals: { home: number; away: number } } | null;
  /** Why there is no forecast or no preview. */
  problem: string | null;
}

const percent = (p: number) => `${(100 * p).toFixed(0)}%`;

function columns(entry: RoundIndexEntry): string[] {
  const f = entry.forecast;
  return [
    `${entry.date}${entry.time ? ` ${entry.time}` : ''}`,
    `${entry.competition}${entry.round ? `, ${entry.round}` : ''}`,
    f ? percent(f.home) : '',
    f ? percent(f.draw) : '',
    f ? percent(f.away) : '',
    f ? `${f.expectedGoals.home.toFixed(2)}-${f.expectedGoals.away.toFixed(2)}` : '',
  ];
}

const HEADINGS = ['When', 'Competition', 'Fixture', 'Home', 'Draw', 'Away', 'Expected goals'];

export function renderRoundIndexMarkdown(title: string, entries: readonly RoundIndexEntry[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = entries.map((entry) => {
    const [when, competition, ...numbers] = columns(entry);
    const fixture = `${entry.home} v ${entry.away}`;
    const link = entry.file ? `[${cell(fixture)}](${entry.file})` : `${cell(fixture)} (${cell(entry.problem ?? '')})`;
    return `| ${[when, cell(competition), link, ...numbers].join(' | ')} |`;
  });
  return [
    `# ${title}`,
    '',
    `| ${HEADINGS.join(' | ')} |`,
    `| ${HEADINGS.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
    'Home / Draw / Away: the chance of each result after 90 minutes, from the matches before each fixture.',
    '',
  ].join('\n');
}

export function renderRoundIndexHtml(title: string, entries: readonly RoundIndexEntry[]): string {
  const rows = entries.map((entry) => {
    const [when, competition, ...numbers] = columns(entry).map(escapeHtml);
    const fixture = escapeHtml(`${entry.home} v ${entry.away}`);
    const link = entry.file
      ? `<a href="${escapeHtml(encodeURI(entry.file))}">${fixture}</a>`
      : `${fixture} <small>${escapeHtml(entry.problem ?? '')}</small>`;
    return `<tr><td>${when}</td><td>${competition}</td><td>${link}</td>${numbers.map((n) => `<td>${n}</td>`).join('')}</tr>`;
  });
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<table><thead><tr>${HEADINGS.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p>Home / Draw / Away: the chance of each result after 90 minutes, from the matches before each fixture.</p>
</body></html>
`;
}

export function renderRoundIndexJson(title: string, entries: readonly RoundIndexEntry[]): string {
  return `${JSON.stringify({ title, fixtures: entries }, null, 2)}\n`;
}
