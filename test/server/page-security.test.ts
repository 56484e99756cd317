import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ServerContext } from '../../src/server/server-context.js';
import { smallLeagueDatabase } from './small-league.js';

describe('what the server sends besides the page', () => {
  const { db } = smallLeagueDatabase();
  const app = createApp(new ServerContext({ db, today: () => '2024-03-01' }));
  afterAll(() => db.close());

  it('sends a content security policy with no inline script, nosniff and a same-origin referrer policy', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    // The one script is the server's own file, which the policy allows.
    const html = await response.text();
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="/assets/enhance.js" defer>']);
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
  });

  it('serves a favicon, and sends /favicon.ico to it', async () => {
    const icon = await app.request('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const ico = await app.request('/favicon.ico');
    expect(ico.status).toBe(301);
    expect(ico.headers.get('location')).toBe('/favicon.svg');
  });

  it('refuses an address longer than 2048 characters with a 414', async () => {
    const response = await app.request(`/api/teams?search=${'a'.repeat(2100)}`);
    expect(response.status).toBe(414);
    expect(await response.json()).toEqual({
      error: { code: 'URI_TOO_LONG', message: 'address longer than 2048 characters' },
    });
  });
});
