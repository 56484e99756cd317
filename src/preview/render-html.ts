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
  verdictParts,
  type PreviewTable,
} from './preview-layout.js';

/**
 * The preview as one standalone HTML page: semantic markup, inline CSS sized for a phone, no scripts. A sentence that
 * cites facts is a `<details>` whose summary is the sentence: opening it shows the matches it stands on. The reader
 * sees no file paths or method notes in the text: the model, the files cited and the caveats close the page under
 * "Method and sources". Every piece of text goes through `escapeHtml`.
 */
export function renderHtml(preview: Preview): string {
  checkPreview(preview);
  const facts = new Map(preview.facts.map((fact) => [fact.id, fact]));
  const cited = (factIds: readonly string[]) => [...new Set(factIds)].map((id) => facts.get(id)!);
  const sources = sourceNumbers(preview);
  const { fixture } = preview;
  const title = fixtureTitle(fixture);

  const body: string[] = [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="fixture">${fixtureDetails(fixture).map(escapeHtml).join(' · ')}</p>`,
    '</header>',
    ...preview.intro.map((paragraph) => paragraphHtml(paragraph, cited, sources)),
  ];
  for (const section of preview.sections) {
    body.push(
      `<section id="${section.id}" aria-labelledby="${section.id}-title">`,
      `<h2 id="${section.id}-title">${escapeHtml(section.title)}</h2>`,
      ...structuredHtml(section, preview, cited, sources),
      ...section.paragraphs.map((paragraph) => paragraphHtml(paragraph, cited, sources)),
      '</section>',
    );
  }
  body.push(...methodAndSources(preview, sources));
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
type Sources = ReadonlyMap<string, number>;

/** `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function paragraphHtml(paragraph: Paragraph, cited: Cited, sources: Sources): string {
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
      receiptsDetails('Where this is from', cited(paragraph.factIds), sources),
      '</div>',
    ].join('\n');
  }
  const sentences = paragraph.sentences.map((sentence) => claimHtml(sentence.text, cited(sentence.factIds), sources));
  return `<div class="paragraph">\n${sentences.join('\n')}\n</div>`;
}

/** A sentence: plain when it has no receipts to show, otherwise a `<details>` that opens onto them. */
function claimHtml(text: string, facts: PreviewFact[], sources: Sources): string {
  if (receiptTotal(facts) === 0) return `<p class="claim">${escapeHtml(text)}</p>`;
  return (
    `<details class="claim"><summary>${escapeHtml(text)} <span class="count">${receiptCount(facts)}</span></summary>` +
    `${receiptsHtml(facts, sources)}</details>`
  );
}

function receiptsDetails(summary: string, facts: PreviewFact[], sources: Sources): string {
  if (receiptTotal(facts) === 0) return '';
  return `<details class="claim"><summary>${escapeHtml(summary)} <span class="count">${receiptCount(facts)}</span></summary>${receiptsHtml(facts, sources)}</details>`;
}

function receiptTotal(facts: readonly PreviewFact[]): number {
  return facts.reduce((sum, fact) => sum + fact.matches.length + fact.documents.length, 0);
}

function receiptCount(facts: PreviewFact[]): string {
  const count = receiptTotal(facts);
  return count === 1 ? '1 receipt' : `${count} receipts`;
}

/** Matches by date, score and competition; a document by what it says and its line, its file named at the end. */
function receiptsHtml(facts: PreviewFact[], sources: Sources): string {
  const items = facts
    .filter((fact) => fact.matches.length + fact.documents.length > 0)
    .map((fact) => {
      const lines = [
        ...fact.matches.map((match) => match.label),
        ...fact.documents.map((doc) => `${doc.label} (source ${sources.get(doc.file)}, line ${doc.line})`),
      ];
      const list = lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('');
      return `<p class="kind">${escapeHtml(factKindLabel(fact))}</p><ul>${list}</ul>`;
    });
  return `<div class="receipts">${items.join('')}</div>`;
}

/** Every file the preview cites, numbered in the order the facts cite them: receipts say "source 1", not a path. */
function sourceNumbers(preview: Preview): Sources {
  const files = [...new Set(preview.facts.flatMap((fact) => fact.documents.map((doc) => doc.file)))];
  return new Map(files.map((file, i) => [file, i + 1]));
}

/** The page's last section: how the numbers were made, the files the receipts cite, and the caveats. */
function methodAndSources(preview: Preview, sources: Sources): string[] {
  const analysis = preview.sections.find((s) => s.id === 'data-analysis');
  const items = [
    ...(analysis?.id === 'data-analysis' ? [analysis.analysis.model] : []),
    ...[...sources].map(([file, n]) => `Source ${n}: ${file}`),
    ...preview.caveats,
  ];
  if (items.length === 0) return [];
  return [
    '<footer>',
    '<h2>Method and sources</h2>',
    `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`,
    '</footer>',
  ];
}

function structuredHtml(section: PreviewSection, preview: Preview, cited: Cited, sources: Sources): string[] {
  switch (section.id) {
    case 'possible-line-ups':
      return section.lineups.map((lineup) =>
        [
          '<div class="lineup">',
          `<h3>${escapeHtml(lineup.team)} <span class="formation">${escapeHtml(lineup.formation)}</span></h3>`,
          `<ol>${lineupRows(lineup)
            .map((row) => `<li>${escapeHtml(row.join(', '))}</li>`)
            .join('')}</ol>`,
          receiptsDetails('Where this is from', cited(lineup.factIds), sources),
          '</div>',
        ].join('\n'),
      );
    case 'we-say': {
      const { score, tie } = verdictParts(preview.fixture, section.verdict);
      const text = `<strong>${escapeHtml(score)}</strong>${tie ? ` (${escapeHtml(tie)})` : ''}`;
      return [
        `<p class="verdict">${text}</p>`,
        receiptsDetails('What this rests on', cited(section.verdict.factIds), sources),
      ];
    }
    case 'data-analysis':
      return [
        receiptsDetails('What the model was fitted on', cited(section.analysis.factIds), sources),
        ...analysisTables(section.analysis, preview.fixture).map(tableHtml),
      ];
    case 'matchday-crowd':
      return [
        tableHtml(crowdTable(section.venue, section.crowd)),
        receiptsDetails('Where these figures are from', cited(section.factIds), sources),
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
