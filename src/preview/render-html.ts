import {
  checkPreview,
  citedFactIds,
  type FormGuide,
  type Paragraph,
  type Preview,
  type PreviewFact,
  type PreviewLineup,
  type PreviewSection,
} from './preview-document.js';
import {
  analysisTables,
  crowdTable,
  factKindLabel,
  fixtureDetails,
  fixtureTitle,
  formGuideTable,
  headToHeadTable,
  lineupLine,
  tieBoxTable,
  verdictParts,
  type PreviewTable,
} from './preview-layout.js';

/**
 * The preview as one standalone HTML page: semantic markup, inline CSS sized for a phone, no scripts. Paragraphs stay
 * paragraphs: each claim ends in numbered footnote markers (superscript links) to the page's notes, where each note
 * opens (a `<details>`) onto the matches and dossier lines it stands on. The reader sees no file paths or method
 * notes in the text: the model, the files cited and the caveats close the page under "Method and sources". Line-ups
 * are drawn on an SVG pitch by formation. Every piece of text goes through `escapeHtml`.
 */
export function renderHtml(preview: Preview): string {
  checkPreview(preview);
  const facts = new Map(preview.facts.map((fact) => [fact.id, fact]));
  const notes = noteNumbers(preview, facts);
  const marks: Marks = (factIds) =>
    [...new Set(factIds)]
      .filter((id) => notes.has(id))
      .map((id) => `<sup class="ref"><a href="#note-${notes.get(id)}">${notes.get(id)}</a></sup>`)
      .join('');
  const sources = sourceNumbers(preview);
  const { fixture, furniture } = preview;
  const title = fixtureTitle(fixture);

  const body: string[] = [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="fixture">${fixtureDetails(fixture).map(escapeHtml).join(' · ')}</p>`,
    '</header>',
    ...preview.intro.map((paragraph) => paragraphHtml(paragraph, marks)),
  ];
  if (furniture.tie) body.push(boxHtml(tieBoxTable(furniture.tie, fixture), marks(furniture.tie.factIds), 'tie'));
  for (const section of preview.sections) {
    const prose = section.paragraphs.map((paragraph) => paragraphHtml(paragraph, marks));
    const data = structuredHtml(section, preview, marks);
    body.push(
      `<section id="${section.id}" aria-labelledby="${section.id}-title">`,
      `<h2 id="${section.id}-title">${escapeHtml(section.title)}</h2>`,
      // "We say" argues first and gives its score last; other sections show their data before the prose.
      ...(section.id === 'we-say' ? [...prose, ...data] : [...data, ...prose]),
      ...(section.id === 'match-preview' ? furnitureHtml(preview, marks) : []),
      '</section>',
    );
  }
  body.push(...notesHtml(notes, facts, sources), ...methodAndSources(preview, sources));
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

/** Footnote markers for the facts a piece of text cites. */
type Marks = (factIds: readonly string[]) => string;
type Sources = ReadonlyMap<string, number>;

/** `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Note numbers: the facts with something to show (a match or a dossier line), numbered 1, 2, … in the order the
 * preview first cites them. A fact with no receipts (the model's own numbers) gets no marker: the method section
 * says where those come from.
 */
function noteNumbers(preview: Preview, facts: ReadonlyMap<string, PreviewFact>): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const id of citedFactIds(preview)) {
    if (receiptTotal(facts.get(id)!) > 0) numbers.set(id, numbers.size + 1);
  }
  return numbers;
}

function paragraphHtml(paragraph: Paragraph, marks: Marks): string {
  if (paragraph.kind === 'quote') {
    const parts = paragraph.text
      .split(/\n\s*\n/)
      .map((part) => `<p>${escapeHtml(part.trim())}</p>`)
      .join('');
    return [
      '<figure class="quote">',
      `<blockquote>${parts}</blockquote>`,
      `<figcaption>— ${escapeHtml(paragraph.speaker)}, <cite>${escapeHtml(paragraph.outlet)}</cite>, ` +
        `<time datetime="${escapeHtml(paragraph.date)}">${escapeHtml(paragraph.date)}</time>${marks(paragraph.factIds)}</figcaption>`,
      '</figure>',
    ].join('\n');
  }
  const sentences = paragraph.sentences.map((sentence) => `${escapeHtml(sentence.text)}${marks(sentence.factIds)}`);
  return `<p>${sentences.join(' ')}</p>`;
}

function receiptTotal(fact: PreviewFact): number {
  return fact.matches.length + fact.documents.length;
}

/** The notes: one per fact, numbered as the markers are, each opening onto the matches and lines it stands on. */
function notesHtml(
  notes: ReadonlyMap<string, number>,
  facts: ReadonlyMap<string, PreviewFact>,
  sources: Sources,
): string[] {
  if (notes.size === 0) return [];
  const items = [...notes].map(([id, n]) => {
    const fact = facts.get(id)!;
    const lines = [
      ...fact.matches.map((match) => match.label),
      ...fact.documents.map((doc) => `${doc.label} (source ${sources.get(doc.file)}, line ${doc.line})`),
    ];
    const count =
      fact.matches.length > 0 && fact.documents.length === 0
        ? plural(fact.matches.length, 'match', 'matches')
        : plural(lines.length, 'source', 'sources');
    const list = lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('');
    return (
      `<li id="note-${n}"><details class="claim"><summary>${escapeHtml(factKindLabel(fact))} ` +
      `<span class="count">(${lines.length} ${count})</span></summary>` +
      `<div class="receipts"><ul>${list}</ul></div></details></li>`
    );
  });
  return [
    '<section id="notes" aria-labelledby="notes-title">',
    '<h2 id="notes-title">Notes</h2>',
    `<ol class="notes">${items.join('\n')}</ol>`,
    '</section>',
  ];
}

function plural(n: number, singular: string, plurals: string): string {
  return n === 1 ? singular : plurals;
}

/** Every file the preview cites, numbered in the order the facts cite them: notes say "source 1", not a path. */
function sourceNumbers(preview: Preview): Sources {
  const files = [...new Set(preview.facts.flatMap((fact) => fact.documents.map((doc) => doc.file)))];
  return new Map(files.map((file, i) => [file, i + 1]));
}

/** The page's last section: how the numbers were made, the files the notes cite, and the caveats. */
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

/** The form guides and the head-to-head box, closing the match preview. */
function furnitureHtml(preview: Preview, marks: Marks): string[] {
  const { form, headToHead } = preview.furniture;
  const out: string[] = [];
  if (form.length > 0) out.push(formGuideHtml(form, marks));
  if (headToHead) out.push(boxHtml(headToHeadTable(headToHead, preview.fixture), marks(headToHead.factIds), 'h2h'));
  return out;
}

/** The form guide: a row per team and scope, each result a lettered box. */
function formGuideHtml(guides: readonly FormGuide[], marks: Marks): string {
  const table = formGuideTable(guides);
  const rows = guides.map((guide) => {
    const letters = guide.results
      .map((r) => `<span class="form form-${r.toLowerCase()}">${escapeHtml(r)}</span>`)
      .join(' ');
    return `<tr><th scope="row">${escapeHtml(guide.team)}</th><td>${escapeHtml(guide.scope)}</td><td class="letters">${letters}${marks(guide.factIds)}</td></tr>`;
  });
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('');
  return [
    '<aside class="box form-guide">',
    '<table>',
    `<caption>${escapeHtml(table.caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
    '</aside>',
  ].join('\n');
}

function boxHtml(table: PreviewTable, captionMarks: string, kind: string): string {
  return `<aside class="box ${kind}">\n${tableHtml(table, captionMarks)}\n</aside>`;
}

function structuredHtml(section: PreviewSection, preview: Preview, marks: Marks): string[] {
  switch (section.id) {
    case 'possible-line-ups':
      return [
        pitchSvg(section.lineups),
        ...section.lineups.map(
          (lineup) =>
            `<p class="lineup"><strong>${escapeHtml(lineup.team)}</strong> <span class="formation">(${escapeHtml(lineup.formation)})</span>: ` +
            `${escapeHtml(lineupLine(lineup))}${marks(lineup.factIds)}</p>`,
        ),
      ];
    case 'we-say': {
      const { score, tie } = verdictParts(preview.fixture, section.verdict);
      const text = `<strong>${escapeHtml(score)}</strong>${tie ? ` (${escapeHtml(tie)})` : ''}`;
      return [`<p class="verdict">${text}${marks(section.verdict.factIds)}</p>`];
    }
    case 'data-analysis': {
      const tables = analysisTables(section.analysis, preview.fixture);
      return tables.map((table, i) => tableHtml(table, i === 0 ? marks(section.analysis.factIds) : ''));
    }
    case 'matchday-crowd':
      return [tableHtml(crowdTable(section.venue, section.crowd), marks(section.factIds))];
    default:
      return [];
  }
}

/** Pitch size in SVG units: the home side plays up from the bottom, the away side down from the top. */
const PITCH = { width: 360, height: 500, margin: 24 };

/**
 * The line-ups on one pitch, by formation: goalkeeper at his goal, each outfield line further up, players spread
 * evenly across. Presentation attributes only (no style attributes), so a strict content security policy keeps it.
 */
function pitchSvg(lineups: readonly PreviewLineup[]): string {
  const { width, height, margin } = PITCH;
  const half = height / 2;
  const sides = lineups.slice(0, 2).map((lineup, i) => ({ lineup, side: i === 0 ? 'home' : 'away' }));
  const players = sides.flatMap(({ lineup, side }) => {
    const rows = lineup.lines;
    const goalY = height - margin;
    const step = (half - margin - 28) / Math.max(1, rows.length - 1);
    return rows.flatMap((row, r) =>
      row.map((name, j) => {
        const x = (width * (j + 1)) / (row.length + 1);
        const yHome = goalY - r * step;
        // The away side faces the other way: mirrored top to bottom and left to right.
        const [cx, cy] = side === 'home' ? [x, yHome] : [width - x, height - yHome];
        return (
          `<g class="player ${side}"><circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="8" fill="${side === 'home' ? '#1a5fb4' : '#c01c28'}" stroke="#fff" stroke-width="1.5"/>` +
          `<text x="${cx.toFixed(1)}" y="${(cy + 19).toFixed(1)}" text-anchor="middle" font-size="10" fill="#fff">${escapeHtml(name)}</text></g>`
        );
      }),
    );
  });
  const label = sides.map(({ lineup }) => `${lineup.team} ${lineup.formation}`).join(', ');
  const box = (y: number, h: number) =>
    `<rect x="${width / 2 - 80}" y="${y}" width="160" height="${h}" fill="none" stroke="#fff" stroke-width="1.5"/>`;
  return [
    `<svg class="pitch" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="pitch-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="pitch-title">${escapeHtml(`Possible line-ups: ${label}`)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#2e7d32"/>`,
    `<rect x="6" y="6" width="${width - 12}" height="${height - 12}" fill="none" stroke="#fff" stroke-width="1.5"/>`,
    `<line x1="6" y1="${half}" x2="${width - 6}" y2="${half}" stroke="#fff" stroke-width="1.5"/>`,
    `<circle cx="${width / 2}" cy="${half}" r="40" fill="none" stroke="#fff" stroke-width="1.5"/>`,
    box(6, 60),
    box(height - 66, 60),
    ...players,
    '</svg>',
  ].join('\n');
}

function tableHtml(table: PreviewTable, captionMarks = ''): string {
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
    `<caption>${escapeHtml(table.caption)}${captionMarks}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
    '</div>',
  ].join('\n');
}

const STYLE = `
:root { color-scheme: light dark; --muted: #666; --line: #ddd; --accent: #1a5fb4; --mark: #fff3bf; }
@media (prefers-color-scheme: dark) { :root { --muted: #aaa; --line: #444; --accent: #8ab4f8; --mark: #4a4000; } }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); }
p { margin: 0 0 1rem; }
.fixture, .count, .formation, figcaption { color: var(--muted); }
sup.ref { font-size: 0.7em; line-height: 0; margin-left: 0.1em; }
sup.ref a { text-decoration: none; color: var(--accent); }
.notes { font-size: 0.9em; padding-left: 1.6rem; }
.notes li:target { background: var(--mark); }
details.claim > summary { cursor: pointer; }
.receipts { margin: 0.3rem 0 0.6rem; padding: 0.4rem 0.8rem; border-left: 3px solid var(--accent); }
.receipts ul { margin: 0; padding-left: 1.2rem; }
.verdict { font-size: 1.15rem; }
.quote { margin: 1rem 0; }
blockquote { margin: 0; padding-left: 1rem; border-left: 3px solid var(--line); font-style: italic; }
.box { margin: 1rem 0; padding: 0.2rem 0.8rem; border: 1px solid var(--line); border-radius: 4px; }
.form { display: inline-block; width: 1.4em; margin-right: 0.15em; text-align: center; font-weight: 600; color: #fff; border-radius: 2px; }
.form-w { background: #2e7d32; } .form-d { background: #8a8a8a; } .form-l { background: #c01c28; }
.pitch { display: block; width: 100%; max-width: 24rem; height: auto; margin: 1rem auto; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.95em; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
.num { text-align: right; white-space: nowrap; }
footer { margin-top: 2rem; color: var(--muted); }
`;
