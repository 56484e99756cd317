import { expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { loadTeamNames } from '../../src/store/team-store.js';
import { describeWithSharedData } from '../shared-data.js';

describeWithSharedData('team names loaded for the searches a command makes', () => {
  it('answer every search as all the team names do: exact, prefix, partial and transliterated', () => {
    const db = openDatabase(inject('sharedDb'), { readonly: true });
    const all = loadTeamNames(db);
    const teamNames = db.prepare('SELECT name FROM teams ORDER BY id').pluck().all() as string[];
    const searches = [
      ...teamNames.filter((_, i) => i % 25 === 0),
      ...teamNames.filter((_, i) => i % 50 === 0).map((name) => name.slice(0, 5)),
      'Liverpool',
      'Liverpool (ENG)',
      'Man City',
      'Inter',
      'Tromsø',
      'Tromsoe IL',
      'München',
      'Muenchen',
      'Malmö FF',
      'Ålesund',
      'Næstved',
      'Paris FC',
      'united',
      'FC',
      'o',
      'no such team at all',
    ];
    let found = 0;
    for (const text of searches) {
      const expected = all.search(text);
      expect(loadTeamNames(db, [text]).search(text), text).toEqual(expected);
      found += expected.length;
    }
    // The searches find teams, often several: the check above compares real answers, not empty lists.
    expect(found).toBeGreaterThan(searches.length * 2);
    // Loaded for two searches, the names answer both.
    const both = loadTeamNames(db, ['Atalanta', 'Liverpool']);
    expect(both.search('Atalanta')).toEqual(all.search('Atalanta'));
    expect(both.search('Liverpool')).toEqual(all.search('Liverpool'));
    db.close();
  });
});
