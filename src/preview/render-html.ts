import { lineupRows } from './dossier.js';
import {
  checkPreview,
  type Paragraph,
  type Preview,
  type PreviewFact,
  type PreviewSection,
} from './preview-document.js';
import {
  analysisTables,
  crowdTable,
  factKindLabel,
  fixtureDetails,
  fixtureTitle,
  receiptLines,
  verdictParts,
  type PreviewTable,
} from './preview-layout.js';

/**
 * The preview as one standalone HTML page: semantic markup, inline CSS sized for a phone, no scripts. A sentence that
 * cites facts is a `<details>` whose summary is the sentence: opening it shows the matches it stands on. Every piece of
 * text goes through `escapeHtml`.
 */
export function renderHtml(preview: Preview): string {
  checkPreview(preview);
  const facts = new Map(preview.facts.map((fact) => [fact.id, fact]));
  const cited = (factIds: readonly string[]) => [...new Set(factIds)].map((id) => facts.get(id)!);
  const { fixture } = preview;
  const title = fixtureTitle(fixture);

  const body: string[] = [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="fixture">${fixtureDetails(fixture).map(escapeHtml).join(' · ')}</p>`,
    '</header>',
    ...preview.intro.map((paragraph) => paragraphHtml(paragraph, cited)),
  ];
  for (const section of preview.sections) {
    body.push(
      `<section id="${section.id}" aria-labelledby="${section.id}-title">`,
      `<h2 id="${section.id}-title">${escapeHtml(section.title)}</h2>`,
      ...structuredHtml(section, preview, cited),
      ...section.paragraphs.map((paragraph) => paragraphHtml(paragraph, cited)),
      '</section>',
    );
  }
  if (preview.caveats.length > 0) {
    body.push(
      '<footer>',
      '<h2>Notes</h2>',
      `<ul>${preview.caveats.map((caveat) => `<li>${escapeHtml(caveat)}</li>`).join('')}</ul>`,
      '</footer>',
    );
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${title}: preview`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<article>',
    ...body,
    '</article>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

type Cited = (factIds: readonly string[]) => PreviewFact[];

/** `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function paragraphHtml(paragraph: Paragraph, cited: Cited): string {
  if (paragraph.kind === 'quote') {
    const parts = paragraph.text
      .split(/\n\s*\n/)
      .map((part) => `<p>${escapeHtml(part.trim())}</p>`)
      .join('');
    // The receipts sit outside the figure: a figcaption must be the figure's first or last child.
    return [
      '<div class="quote">',
      '<figure>',
      `<blockquote>${parts}</blockquote>`,
      `<figcaption>— ${escapeHtml(paragraph.speaker)}, <cite>${escapeHtml(paragraph.outlet)}</cite>, ` +
        `<time datetime="${escapeHtml(paragraph.date)}">${escapeHtml(paragraph.date)}</time></figcaption>`,
      '</figure>',
      receiptsDetails('Where this is from', cited(paragraph.factIds)),
      '</div>',
    ].join('\n');
  }
  const sentences = paragraph.sentences.map((sentence) => claimHtml(sentence.text, cited(sentence.factIds)));
  return `<div class="paragraph">\n${sentences.join('\n')}\n</div>`;
}

/** A sentence: plain when it cites nothing, otherwise a `<details>` that opens onto its receipts. */
function claimHtml(text: string, facts: PreviewFact[]): string {
  if (facts.length === 0) return `<p class="claim">${escapeHtml(text)}</p>`;
  return (
    `<details class="claim"><summary>${escapeHtml(text)} <span class="count">${receiptCount(facts)}</span></summary>` +
    `${receiptsHtml(facts)}</details>`
  );
}

function receiptsDetails(summary: string, facts: PreviewFact[]): string {
  if (facts.length === 0) return '';
  return `<details class="claim"><summary>${escapeHtml(summary)} <span class="count">${receiptCount(facts)}</span></summary>${receiptsHtml(facts)}</details>`;
}

function receiptCount(facts: PreviewFact[]): string {
  const count = facts.reduce((sum, fact) => sum + fact.matches.length + fact.documents.length, 0);
  return count === 0 ? 'no receipts' : count === 1 ? '1 receipt' : `${count} receipts`;
}

function receiptsHtml(facts: PreviewFact[]): string {
  const items = facts.map((fact) => {
    const lines = receiptLines(fact);
    const list =
      lines.length > 0
        ? lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')
        : '<li>no supporting matches</li>';
    return `<p class="kind">${escapeHtml(factKindLabel(fact))}</p><ul>${list}</ul>`;
  });
  return `<div class="receipts">${items.join('')}</div>`;
}

function structuredHtml(section: PreviewSection, preview: Preview, cited: Cited): string[] {
  switch (section.id) {
    case 'possible-line-ups':
      return section.lineups.map((lineup) =>
        [
          '<div class="lineup">',
          `<h3>${escapeHtml(lineup.team)} <span class="formation">${escapeHtml(lineup.formation)}</span></h3>`,
          `<ol>${lineupRows(lineup)
            .map((row) => `<li>${escapeHtml(row.join(', '))}</li>`)
            .join('')}</ol>`,
          receiptsDetails('Where this is from', cited(lineup.factIds)),
          '</div>',
        ].join('\n'),
      );
    case 'we-say': {
      const { score, tie } = verdictParts(preview.fixture, section.verdict);
      const text = `<strong>${escapeHtml(score)}</strong>${tie ? ` (${escapeHtml(tie)})` : ''}`;
      return [`<p class="verdict">${text}</p>`, receiptsDetails('What this rests on', cited(section.verdict.factIds))];
    }
    case 'data-analysis':
      return [
        `<p class="model">${escapeHtml(section.analysis.model)}</p>`,
        receiptsDetails('What the model was fitted on', cited(section.analysis.factIds)),
        ...analysisTables(section.analysis, preview.fixture).map(tableHtml),
      ];
    case 'matchday-crowd':
      return [
        tableHtml(crowdTable(section.venue, section.crowd)),
        receiptsDetails('Where these figures are from', cited(section.factIds)),
      ];
    default:
      return [];
  }
}

function tableHtml(table: PreviewTable): string {
  const cellClass = (index: number) => (table.columns[index].numeric ? ' class="num"' : '');
  const head = table.columns.map((c, i) => `<th scope="col"${cellClass(i)}>${escapeHtml(c.label)}</th>`).join('');
  const rows = table.rows.map((row) => {
    const cells = row.map((cell, i) =>
      i === 0 && !table.columns[0].numeric
        ? `<th scope="row">${escapeHtml(cell)}</th>`
        : `<td${cellClass(i)}>${escapeHtml(cell)}</td>`,
    );
    return `<tr>${cells.join('')}</tr>`;
  });
  return [
    '<div class="table">',
    '<table>',
    `<caption>${escapeHtml(table.caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
    '</div>',
  ].join('\n');
}

const STYLE = `
:root { color-scheme: light dark; --muted: #666; --line: #ddd; --accent: #1a5fb4; }
@media (prefers-color-scheme: dark) { :root { --muted: #aaa; --line: #444; --accent: #8ab4f8; } }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
.fixture, .model, .count, .formation, figcaption { color: var(--muted); }
.paragraph { margin: 0 0 1rem; }
.claim { margin: 0 0 0.3rem; }
details.claim > summary { cursor: pointer; list-style: none; }
details.claim > summary::-webkit-details-marker { display: none; }
details.claim > summary .count { font-size: 0.75em; text-decoration: underline dotted; }
.receipts { margin: 0.3rem 0 0.6rem; padding: 0.4rem 0.8rem; border-left: 3px solid var(--accent); font-size: 0.9em; }
.receipts .kind { margin: 0.2rem 0; font-weight: 600; }
.receipts ul { margin: 0 0 0.3rem; padding-left: 1.2rem; }
.verdict { font-size: 1.15rem; }
.quote { margin: 1rem 0; }
figure { margin: 0 0 0.3rem; }
blockquote { margin: 0; padding-left: 1rem; border-left: 3px solid var(--line); font-style: italic; }
.lineup ol { margin: 0; padding-left: 1.2rem; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.95em; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
.num { text-align: right; white-space: nowrap; }
footer { margin-top: 2rem; color: var(--muted); }
`;
