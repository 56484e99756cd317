import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** What a chart says to someone who cannot see it: its title and a sentence or two with the numbers. */
export interface ChartText {
  /** Unique on the page: the title and description are referenced by id. */
  id: string;
  title: string;
  description: string;
}

/** The part of linkedom's SVG element the renderer uses (the project's TypeScript has no DOM library). */
interface SvgNode {
  outerHTML: string;
  ownerDocument: { createElementNS(ns: string, name: string): SvgNode };
  textContent: string | null;
  setAttribute(name: string, value: string): void;
  prepend(...nodes: SvgNode[]): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart type size the pages use: big enough to read when a phone scales a 420-px-wide chart down. */
export const CHART_FONT = { fontSize: '13px' };

/**
 * Renders an Observable Plot chart on the server (linkedom stands in for the browser's DOM) to a standalone SVG
 * string: `xmlns` set, `role="img"`, and a `<title>` and `<desc>` that `aria-labelledby` / `aria-describedby` name.
 * The options must not ask for a legend or a title (Plot would wrap the SVG in a figure).
 */
export function renderChart(text: ChartText, options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({
    ...options,
    document,
    style: { ...CHART_FONT, ...(options.style as object) },
  }) as unknown as SvgNode;
  const titleId = `${text.id}-title`;
  const descriptionId = `${text.id}-desc`;
  const title = svg.ownerDocument.createElementNS(SVG_NS, 'title');
  title.setAttribute('id', titleId);
  title.textContent = text.title;
  const description = svg.ownerDocument.createElementNS(SVG_NS, 'desc');
  description.setAttribute('id', descriptionId);
  description.textContent = text.description;
  svg.prepend(title, description);
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('role', 'img');
  svg.setAttribute('id', text.id);
  svg.setAttribute('aria-labelledby', titleId);
  svg.setAttribute('aria-describedby', descriptionId);
  return svg.outerHTML;
}
