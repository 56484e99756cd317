import { html } from 'hono/html';
import { layout, type Html } from './layout.js';

export function errorPage(title: string, message: string): Html {
  return layout({
    title,
    body: html`<h1>${title}</h1>
      <p class="notice error">${message}</p>
      <p><a href="/">Back to the start</a></p>`,
  });
}
