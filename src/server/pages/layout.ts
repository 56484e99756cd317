import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { PAGE_STYLE } from './page-style.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Every page: the site header with the search box, the page's main content, and a footer pointing at the API. */
export function layout(options: { title: string; description?: string; body: Html; query?: string }): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <title>${options.title} · matchday</title>
        ${options.description ? html`<meta name="description" content="${options.description}" />` : ''}
        <style>
          ${raw(PAGE_STYLE)}
        </style>
      </head>
      <body>
        <header class="site">
          <a class="brand" href="/">matchday</a>
          <form action="/" method="get" role="search">
            <input
              id="site-search"
              type="search"
              name="q"
              value="${options.query ?? ''}"
              placeholder="Team, or fixture: Atalanta v Liverpool"
              aria-label="Search teams and fixtures"
            />
            <button type="submit">Search</button>
          </form>
        </header>
        <main>${options.body}</main>
        <footer class="site">Forecasts from real match history. <a href="/openapi.json">JSON API (OpenAPI)</a></footer>
        <script src="/assets/enhance.js" defer></script>
      </body>
    </html>`;
}

/** A chart (an SVG string from charts/) in a figure with an optional visible caption. */
export function chartFigure(svg: string, caption?: string): Html {
  return html`<figure class="chart">${raw(svg)}${caption ? html`<figcaption>${caption}</figcaption>` : ''}</figure>`;
}
