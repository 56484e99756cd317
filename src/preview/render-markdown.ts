import { checkPreview, type Paragraph, type Preview, type PreviewSection } from './preview-document.js';
import {
  analysisTables,
  crowdTable,
  factKindLabel,
  factNumbers,
  fixtureDetails,
  fixtureTitle,
  formGuideTable,
  headToHeadTable,
  lineupLine,
  receiptLines,
  tieBoxTable,
  verdictParts,
  type PreviewTable,
} from './preview-layout.js';

/**
 * The preview as Markdown (CommonMark with GitHub footnotes). Each fact a sentence cites becomes a footnote `[^n]`,
 * numbered in order of first citation, listing the matches (and dossier lines) it stands on.
 */
export function renderMarkdown(preview: Preview): string {
  checkPreview(preview);
  const numbers = factNumbers(preview);
  const refs = (factIds: readonly string[]) => [...new Set(factIds)].map((id) => `[^${numbers.get(id)}]`).join('');
  const { fixture } = preview;

  const blocks: string[] = [
    `# ${inline(fixtureTitle(fixture))}`,
    `*${fixtureDetails(fixture).map(inline).join(' · ')}*`,
  ];
  const paragraphs = (list: readonly Paragraph[]) => {
    for (const paragraph of list) blocks.push(paragraphBlock(paragraph, refs));
  };

  paragraphs(preview.intro);
  const { furniture } = preview;
  if (furniture.tie) blocks.push(tableBlock(tieBoxTable(furniture.tie, fixture), refs(furniture.tie.factIds)));
  for (const section of preview.sections) {
    blocks.push(`## ${inline(section.title)}`);
    // "We say" argues first and gives its score last; other sections show their data before the prose.
    if (section.id === 'we-say') paragraphs(section.paragraphs);
    blocks.push(...structuredBlocks(section, preview, refs));
    if (section.id !== 'we-say') paragraphs(section.paragraphs);
    if (section.id === 'match-preview') {
      if (furniture.form.length > 0) {
        blocks.push(tableBlock(formGuideTable(furniture.form), refs(furniture.form.flatMap((g) => g.factIds))));
      }
      if (furniture.headToHead) {
        blocks.push(tableBlock(headToHeadTable(furniture.headToHead, fixture), refs(furniture.headToHead.factIds)));
      }
    }
  }
  if (preview.caveats.length > 0) {
    blocks.push('---', `**Notes**\n\n${preview.caveats.map((caveat) => `- ${inline(caveat)}`).join('\n')}`);
  }

  const byId = new Map(preview.facts.map((fact) => [fact.id, fact]));
  const footnotes = [...numbers].map(([id, number]) => {
    const fact = byId.get(id)!;
    const receipts = receiptLines(fact);
    const shown = receipts.slice(0, FOOTNOTE_RECEIPTS).map(inline).join('; ');
    const more = receipts.length - FOOTNOTE_RECEIPTS;
    const listed =
      receipts.length === 0
        ? 'no supporting matches'
        : more > 0
          ? `${shown}; and ${more} more (all ${receipts.length} in the HTML and JSON previews)`
          : shown;
    return `[^${number}]: ${inline(factKindLabel(fact))}: ${listed}`;
  });
  if (footnotes.length > 0) blocks.push(footnotes.join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

/** A precedent can stand on hundreds of ties: a footnote lists the first ones, the HTML and JSON keep them all. */
const FOOTNOTE_RECEIPTS = 12;

type Refs = (factIds: readonly string[]) => string;

function paragraphBlock(paragraph: Paragraph, refs: Refs): string {
  if (paragraph.kind === 'text') {
    return lineStart(paragraph.sentences.map((sentence) => inline(sentence.text) + refs(sentence.factIds)).join(' '));
  }
  const quoted = paragraph.text
    .split(/\n\s*\n/)
    .map((part) => `> ${inline(part)}`)
    .join('\n>\n');
  const credit = `> — ${inline(paragraph.speaker)}, ${inline(paragraph.outlet)}, ${paragraph.date}${refs(paragraph.factIds)}`;
  return `${quoted}\n>\n${credit}`;
}

/** The part of a section that is data rather than prose: line-ups, the verdict, tables. */
function structuredBlocks(section: PreviewSection, preview: Preview, refs: Refs): string[] {
  switch (section.id) {
    case 'possible-line-ups':
      return section.lineups.map(
        (lineup) =>
          `**${inline(lineup.team)}** (${inline(lineup.formation)}): ${inline(lineupLine(lineup))}${refs(lineup.factIds)}`,
      );
    case 'we-say': {
      const { score, tie } = verdictParts(preview.fixture, section.verdict);
      return [`**${inline(score)}**${tie ? ` (${inline(tie)})` : ''}${refs(section.verdict.factIds)}`];
    }
    case 'data-analysis':
      return [
        `*${inline(section.analysis.model)}*${refs(section.analysis.factIds)}`,
        ...analysisTables(section.analysis, preview.fixture).map((table) => tableBlock(table)),
      ];
    case 'matchday-crowd':
      return [tableBlock(crowdTable(section.venue, section.crowd), refs(section.factIds))];
    default:
      return [];
  }
}

function tableBlock(table: PreviewTable, captionRefs = ''): string {
  const row = (cells: readonly string[]) => `| ${cells.map(inline).join(' | ')} |`;
  const rule = `|${table.columns.map((c) => (c.numeric ? ' ---: ' : ' --- ')).join('|')}|`;
  return [
    `**${inline(table.caption)}**${captionRefs}`,
    '',
    row(table.columns.map((c) => c.label)),
    rule,
    ...table.rows.map(row),
  ].join('\n');
}

/**
 * Text as literal Markdown: characters that would start emphasis, links, code, HTML, table cells or entities are
 * backslash-escaped, and line breaks fold to spaces so a sentence cannot end its paragraph.
 */
function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&');
}

/** A paragraph must not open with something Markdown reads as a heading, list item or rule. */
function lineStart(text: string): string {
  return text.replace(/^([#+=-]|\d+(?=[.)]))/, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}
