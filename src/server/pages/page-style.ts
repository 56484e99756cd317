/** The pages' one stylesheet: phone first, readable in light and dark, no web fonts. */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --muted: #5e5c64; --line: #d8d8d8; --accent: #1a5fb4; --soft: #f4f6fa;
  --home: #1a5fb4; --draw: #8a8a8a; --away: #c01c28; }
@media (prefers-color-scheme: dark) { :root { --muted: #b0b0b0; --line: #444; --accent: #8ab4f8; --soft: #23262b; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--accent); }
header.site { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; padding: 0.6rem 1rem;
  border-bottom: 1px solid var(--line); }
header.site .brand { font-weight: 700; text-decoration: none; color: inherit; font-size: 1.1rem; }
header.site form { flex: 1 1 14rem; display: flex; gap: 0.4rem; }
main { max-width: 46rem; margin: 0 auto; padding: 0.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.2; margin: 1rem 0 0.3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
.muted, .meta { color: var(--muted); }
.meta { margin: 0 0 0.5rem; }
.final-score { font-size: 1.3rem; font-weight: 700; }
input, select, button { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid var(--line); border-radius: 4px;
  background: Canvas; color: CanvasText; }
input[type="search"], input[type="text"] { flex: 1; min-width: 0; }
button { background: var(--accent); color: white; border-color: var(--accent); cursor: pointer; }
figure.chart { margin: 1rem 0; }
figure.chart svg { width: 100%; height: auto; max-width: 420px; display: block; }
figure.chart figcaption { font-size: 0.9rem; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; font-size: 0.95rem; margin: 0.3rem 0; padding: 0; list-style: none; }
.legend li::before { content: ""; display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.35em;
  vertical-align: -0.05em; border-radius: 2px; background: var(--swatch); }
.table { overflow-x: auto; margin: 0.8rem 0; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.95rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.score { white-space: nowrap; text-align: center; }
ul.matches { list-style: none; padding: 0; margin: 0.3rem 0 1rem; }
ul.matches li { padding: 0.35rem 0; border-bottom: 1px solid var(--line); }
ul.matches .when { display: block; font-size: 0.85rem; color: var(--muted); }
ul.matches .score { display: inline-block; min-width: 3.2rem; text-align: center; font-weight: 700;
  font-variant-numeric: tabular-nums; background: var(--soft); border-radius: 4px; padding: 0 0.3rem; margin: 0 0.2rem; }
h3.list-caption { font-size: 1rem; }
ul.plain { list-style: none; padding: 0; margin: 0.5rem 0; }
ul.plain li { padding: 0.3rem 0; border-bottom: 1px solid var(--line); }
.form-strip { display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0; list-style: none; }
.form-strip li a { display: inline-block; width: 1.9rem; line-height: 1.9rem; text-align: center; border-radius: 4px;
  color: white; text-decoration: none; font-weight: 700; }
.form-strip .W a { background: #26a269; } .form-strip .D a { background: #8a8a8a; } .form-strip .L a { background: #c01c28; }
form.what-if { display: grid; gap: 0.6rem; padding: 0.8rem; background: var(--soft); border-radius: 6px; }
form.what-if label { display: grid; gap: 0.2rem; }
form.what-if .row { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: end; }
form.what-if .hint { font-size: 0.85rem; color: var(--muted); }
.notice { padding: 0.5rem 0.8rem; border-left: 4px solid var(--accent); background: var(--soft); margin: 0.8rem 0; }
.error { border-left-color: var(--away); }
details.claim > summary { cursor: pointer; }
.preview .claim { margin: 0 0 0.3rem; }
.preview .paragraph { margin: 0 0 1rem; }
.preview .count { font-size: 0.75em; color: var(--muted); text-decoration: underline dotted; }
.preview .kind { margin: 0.2rem 0; font-weight: 600; }
.preview .verdict { font-size: 1.15rem; }
.preview .fixture, .preview .model, .preview .formation, .preview figcaption { color: var(--muted); }
.preview blockquote { margin: 0; padding-left: 1rem; border-left: 3px solid var(--line); font-style: italic; }
.preview .lineup ol { margin: 0; padding-left: 1.2rem; }
.preview h2 { font-size: 1.4rem; border: 0; margin-top: 0.5rem; }
.preview h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid var(--line); }
.receipts { margin: 0.3rem 0 0.6rem; padding: 0.4rem 0.8rem; border-left: 3px solid var(--accent); font-size: 0.9em; }
.receipts ul { margin: 0; padding-left: 1.2rem; }
.key-numbers { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: 0.5rem; margin: 0.8rem 0; }
.key-numbers div { background: var(--soft); border-radius: 6px; padding: 0.4rem 0.6rem; }
.key-numbers b { display: block; font-size: 1.25rem; }
.odds td.num { background: color-mix(in srgb, var(--accent) calc(var(--p) * 60%), transparent); }
footer.site { max-width: 46rem; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: 0.9rem; }
`;
