import { afterAll, describe, expect, it } from 'vitest';
import { ByteBudget } from '../../src/server/byte-budget.js';
import { createApp } from '../../src/server/app.js';
import { ServerContext } from '../../src/server/server-context.js';
import { listTeams } from '../../src/store/match-queries.js';
import { smallLeagueDatabase } from './small-league.js';

describe('ByteBudget', () => {
  it('evicts the least recently used entry of any of its caches until the budget holds', () => {
    const budget = new ByteBudget(100);
    const pages = budget.cache<string, string>((s) => s.length);
    const answers = budget.cache<string, string>((s) => s.length);
    pages.set('a', 'x'.repeat(40));
    answers.set('b', 'y'.repeat(40));
    expect(pages.get('a')).toBeDefined(); // a is now more recent than b
    answers.set('c', 'z'.repeat(30));
    expect(budget.usedBytes).toBe(70);
    expect(answers.get('b')).toBeUndefined();
    expect(pages.get('a')).toHaveLength(40);
    expect(answers.get('c')).toHaveLength(30);
  });

  it('keeps nothing larger than the whole budget, and frees what it replaces or clears', () => {
    const budget = new ByteBudget(100);
    const cache = budget.cache<string, string>((s) => s.length);
    cache.set('big', 'x'.repeat(101));
    expect(cache.get('big')).toBeUndefined();
    cache.set('k', 'x'.repeat(60));
    cache.set('k', 'x'.repeat(10));
    expect(budget.usedBytes).toBe(10);
    cache.clear();
    expect(budget.usedBytes).toBe(0);
    expect(cache.size).toBe(0);
  });
});

describe("the server's caches", () => {
  const { db } = smallLeagueDatabase();
  const cacheBytes = 1024 * 1024;
  const server = new ServerContext({ db, today: () => '2024-03-01', cacheBytes, workers: 0 });
  const app = createApp(server);
  afterAll(() => db.close());

  it('hold no more than their share of --cache-mb however many pages are served', async () => {
    const teams = listTeams(db);
    let served = 0;
    for (const home of teams) {
      for (const away of teams) {
        if (home.id === away.id) continue;
        for (const date of ['2024-02-01', '2024-02-02', '2024-02-03', '2024-02-04', '2024-02-05', '2024-02-06']) {
          for (const url of [
            `/matches/${date}/${home.id}/${away.id}`,
            `/api/predict?home=${home.name}&away=${away.name}&date=${date}`,
          ]) {
            const response = await app.request(url);
            expect(response.status, url).toBe(200);
            served += (await response.arrayBuffer()).byteLength;
          }
        }
      }
    }
    expect(served).toBeGreaterThan(1.5 * cacheBytes);
    expect(server.cachedBytes).toBeGreaterThan(0);
    expect(server.cachedBytes).toBeLessThanOrEqual(0.75 * cacheBytes);
  });
});
