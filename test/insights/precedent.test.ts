import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/insights/compute-facts.js';
import { composePreview } from '../../src/preview/compose-preview.js';
import { composeInput, sentencesOf } from '../preview-compose/compose-input.js';
import { factsOf } from './facts-of.js';
import { HistoryBuilder, type MatchSpec } from './match-builder.js';

const LIVERPOOL = 1;
const ATALANTA = 2;
const SECOND_LEG = { homeTeamId: ATALANTA, awayTeamId: LIVERPOOL, competitionCode: 'uefa.el' };

function tie(
  b: HistoryBuilder,
  tieId: number,
  home: number,
  away: number,
  first: string,
  second: string,
  rest: Partial<MatchSpec> = {},
) {
  const competition = rest.competition ?? 'uefa.el';
  b.add({ date: `2019-0${(tieId % 9) + 1}-01`, home, away, score: first, competition, leg: 1, tieId, ...rest });
  b.add({
    date: `2019-0${(tieId % 9) + 1}-08`,
    home: away,
    away: home,
    score: second,
    competition,
    leg: 2,
    tieId,
    ...rest,
  });
}

/** Scores are home first, so a second-leg score is the first leg's visitors' first. Ties whose first leg the visitors won by three or more, and some that do not count. */
function history() {
  const b = new HistoryBuilder();
  tie(b, 1, 10, 11, '0-3', '1-1'); // 1, 2: the away winners go through
  tie(b, 2, 12, 13, '1-4', '0-4'); // 3, 4: the away winners go out (5-4 on aggregate)
  tie(b, 3, 14, 15, '0-3', '0-3'); // 5, 6: 3-3, three away goals each, no shoot-out: cannot tell
  tie(b, 4, 16, 17, '1-2', '0-0'); // 7, 8: won by one only
  tie(b, 5, 18, 19, '0-3', '0-1', { competition: 'uefa.cl' }); // 9, 10: another competition
  b.add({
    date: '2024-04-11',
    home: LIVERPOOL,
    away: ATALANTA,
    score: '0-3',
    competition: 'uefa.el',
    leg: 1,
    tieId: 99,
  }); // 11
  return b;
}

describe('tie precedent', () => {
  it('counts earlier ties whose first leg the visitors won by at least as much, and who went through', () => {
    const facts = factsOf('tie-precedent', history().matches, SECOND_LEG);
    const atLeast = facts.filter((f) => f.match === 'at-least');
    expect(atLeast.map((f) => f.competitions).sort()).toEqual(['competition', 'continental']);
    const sameCompetition = atLeast.find((f) => f.competitions === 'competition');
    const continental = atLeast.find((f) => f.competitions === 'continental');
    expect(sameCompetition).toMatchObject({
      competitionCode: 'uefa.el',
      subjectId: ATALANTA,
      leaderId: ATALANTA,
      margin: 3,
      subjectWasAway: true,
      ties: 2,
      subjectAdvanced: 1,
      subjectEliminated: 1,
      undetermined: 1,
      matchIds: [1, 2, 3, 4, 5, 6, 11],
    });
    expect(sameCompetition?.firstLeg).toMatchObject({ matchId: 11, score: [0, 3] });
    expect(continental).toMatchObject({ ties: 3, subjectAdvanced: 2, matchIds: [1, 2, 3, 4, 5, 6, 9, 10, 11] });
  });

  it('also gives the ties with exactly the same first-leg score', () => {
    const exact = factsOf('tie-precedent', history().matches, SECOND_LEG).filter((f) => f.match === 'exact-score');
    expect(exact).toHaveLength(2);
    const sameCompetition = exact.find((f) => f.competitions === 'competition');
    expect(sameCompetition).toMatchObject({ ties: 1, subjectAdvanced: 1, undetermined: 1 });
    expect(sameCompetition?.matchIds).toEqual([1, 2, 5, 6, 11]);
    expect(exact.find((f) => f.competitions === 'continental')).toMatchObject({ ties: 2, subjectAdvanced: 2 });
  });

  it('uses a named first leg, rejects one that is not the fixture reversed, and has nothing to say for a first leg', () => {
    const b = history();
    const named = computeFacts({
      fixture: { ...SECOND_LEG, date: '2024-04-18', season: '2023-24', tie: { firstLegMatchId: 11 } },
      matches: b.matches,
    });
    expect(named.some((f) => f.kind === 'tie-precedent')).toBe(true);
    expect(() =>
      computeFacts({
        fixture: { ...SECOND_LEG, date: '2024-04-18', season: '2023-24', tie: { firstLegMatchId: 1 } },
        matches: b.matches,
      }),
    ).toThrow(expect.objectContaining({ code: 'INSIGHTS_BAD_TIE' }));
    // The first leg itself (on 2024-04-11) has no first leg before it.
    expect(
      factsOf('tie-precedent', b.matches, {
        ...SECOND_LEG,
        homeTeamId: LIVERPOOL,
        awayTeamId: ATALANTA,
        date: '2024-04-11',
      }),
    ).toEqual([]);
  });

  it('counts a knockout tie with knockout ties, a qualifier with qualifiers, and says which', () => {
    const b = history();
    // 12, 13: a qualifier won 0-3 away whose winners went out: not a precedent for a quarter-final.
    tie(b, 7, 22, 23, '0-3', '0-4', { round: 'Qualifying round 2' });
    const knockout = factsOf('tie-precedent', b.matches, SECOND_LEG).find(
      (f) => f.match === 'at-least' && f.competitions === 'competition',
    );
    expect(knockout).toMatchObject({ rounds: 'knockout', ties: 2, subjectEliminated: 1 });
    expect(knockout?.matchIds).not.toContain(12);

    const qualifying = history();
    tie(qualifying, 7, 22, 23, '0-3', '0-4', { round: 'Qualifying round 2' }); // 12, 13
    qualifying.matches.find((m) => m.id === 11)!.round = 'Play-off round';
    const asQualifier = factsOf('tie-precedent', qualifying.matches, SECOND_LEG).find(
      (f) => f.match === 'at-least' && f.competitions === 'competition',
    );
    expect(asQualifier).toMatchObject({ rounds: 'qualifying', ties: 1, subjectAdvanced: 0, subjectEliminated: 1 });
    expect(asQualifier?.matchIds).toEqual([12, 13, 11]);
  });

  it('says how many ties it leaves out for want of a winner', () => {
    const facts = factsOf('tie-precedent', history().matches, SECOND_LEG);
    const text = sentencesOf(composePreview(composeInput({ facts })))
      .map((s) => s.text)
      .join(' ');
    expect(text).toMatch(
      /(In|of) three earlier European knockout ties (where|in which) a side won the first leg away from home by three goals or more, that side went through in two and went out in one \(one more tie, whose winner the data does not give, is left out\)\./,
    );
  });

  it('leaves out ties whose first leg was at a neutral ground: won there, it was won neither at home nor away', () => {
    const b = history();
    // 12, 13: won 1-4 by the visitors in a third country, then through.
    tie(b, 6, 20, 21, '1-4', '4-0', { neutral: true });
    const sameCompetition = factsOf('tie-precedent', b.matches, SECOND_LEG).find(
      (f) => f.match === 'at-least' && f.competitions === 'competition',
    );
    expect(sameCompetition).toMatchObject({ ties: 2, subjectAdvanced: 1, subjectEliminated: 1, undetermined: 1 });
    expect(sameCompetition?.matchIds).toEqual([1, 2, 3, 4, 5, 6, 11]);
  });
});
