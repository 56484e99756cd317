import { describe, expect, it } from 'vitest';
import type { LeagueFormat } from '../../src/history/league-format.js';
import { standingIn } from '../../src/history/league-standing.js';
import { leagueTable } from '../../src/history/league-table.js';
import { composePreview } from '../../src/preview/compose-preview.js';
import type { TeamStory } from '../../src/preview/prepare-story.js';
import { renderHtml } from '../../src/preview/render-html.js';
import { renderMarkdown } from '../../src/preview/render-markdown.js';
import { varyOpenings } from '../../src/preview/vary-openings.js';
import { noteSentence, shortName } from '../../src/preview/write-team-news.js';
import { lastResult } from '../../src/preview/write-story.js';
import type { TableRace } from '../../src/history/table-race.js';
import { computeFacts } from '../../src/insights/compute-facts.js';
import type { SeasonCoverageLookup } from '../../src/insights/fact-scope.js';
import { COMPLETE_COVERAGE } from '../insights/facts-of.js';
import { HistoryBuilder, storedMatch } from '../insights/match-builder.js';
import { DOUBLE_ROUND_ROBIN, tableMatch } from '../history/league-fixtures.js';
import { composeInput, FIXTURE, sentencesOf, tieHistory } from './compose-input.js';

/**
 * The story on made-up teams: every angle comes from what the input holds, so a team with no league table in the
 * data simply has no table sentence, and a made-up league reads like a real one.
 */

/** The tie history plus a weekend match for team 1: 2-0 up at half-time against team 44, 2-2 at the end. */
function withWeekend() {
  const { matches, firstLegId } = tieHistory();
  const weekend = storedMatch(matches.length + 1, { date: '2024-04-14', home: 1, away: 44, score: '2-2', ht: '2-0' });
  return { matches: [...matches, weekend], firstLegId, weekendId: weekend.id };
}

/** Team 2 second in a made-up league of four, two points behind team 40, with four games left. */
function team2Story(receipts: number[]): TeamStory {
  return {
    teamId: 2,
    standing: {
      competition: 'Made-up League',
      position: 2,
      matchesLeft: 4,
      pointsForWin: 3,
      table: [
        { teamId: 40, points: 42, played: 20 },
        { teamId: 2, points: 40, played: 20 },
        { teamId: 41, points: 40, played: 20 },
        { teamId: 42, points: 12, played: 20 },
      ],
      race: { title: null, promotion: null, relegation: null },
      matchIds: receipts,
    },
    previousRound: {
      round: 'Round of 16',
      opponentId: 43,
      goalsFor: 4,
      goalsAgainst: 4,
      decidedBy: 'penalties',
      matchIds: receipts.slice(0, 2),
    },
  };
}

describe('the story on made-up data', () => {
  it('tells the last result when it is news, and leaves out the table when the data has none', () => {
    const { matches, weekendId } = withWeekend();
    const preview = composePreview(composeInput({ matches }));
    const standfirst = sentencesOf(preview).filter((s) => s.section === 'intro');
    expect(standfirst.map((s) => s.text)).toEqual([
      expect.stringMatching(/^Team 2 (have a three-goal deficit to overturn|need a comeback) when they visit Team 1/),
      'Team 1 won the first leg 3-0 at Team 2 on 11 April, but let a 2-0 half-time lead slip in a 2-2 home draw with Team 44 on Sunday.',
    ]);
    expect(preview.facts.find((f) => f.id === `match-${weekendId}`)!.matches.map((m) => m.matchId)).toEqual([
      weekendId,
    ]);
    // No league standing in the input: no table sentence, no "points after" anywhere.
    expect(sentencesOf(preview).some((s) => /points after/.test(s.text))).toBe(false);
  });

  it('writes a made-up league table and the previous round from what the input holds', () => {
    const { matches } = withWeekend();
    const receipts = matches.filter((m) => m.home.id === 2 || m.away.id === 2).map((m) => m.id);
    const preview = composePreview(composeInput({ matches, story: { home: null, away: team2Story(receipts) } }));
    const lead = sentencesOf(preview).filter((s) => s.section === 'match-preview');
    expect(lead[0]).toEqual({
      section: 'match-preview',
      text: 'Team 2 are second in the Made-up League on 40 points after 20 games, level with Team 41 and two points behind leaders Team 40, with four games left.',
      factIds: ['table-away'],
    });
    expect(lead[1].text).toBe('They knocked out Team 43 on penalties after a 4-4 aggregate in the round of 16.');
    expect(preview.facts.find((f) => f.id === 'table-away')!.matches).toHaveLength(receipts.length);
  });

  it('says what is at stake in the table: the title, promotion, relegation', () => {
    const { matches } = withWeekend();
    const receipts = matches.filter((m) => m.home.id === 2 || m.away.id === 2).map((m) => m.id);
    const leadWith = (race: TableRace, position = 2) => {
      const story = team2Story(receipts);
      story.standing = { ...story.standing!, race, position };
      const preview = composePreview(composeInput({ matches, story: { home: null, away: story } }));
      return sentencesOf(preview).find((s) => s.section === 'match-preview')!.text;
    };
    const none: TableRace = { title: null, promotion: null, relegation: null };
    expect(leadWith({ ...none, title: 'out-of-own-hands' })).toBe(
      'Team 2 are second in the Made-up League on 40 points after 20 games, level with Team 41 and two points behind leaders Team 40, with four games left; the title is no longer in their own hands.',
    );
    expect(leadWith({ ...none, title: 'in-own-hands' })).toMatch(/; the title is in their own hands\.$/);
    const line = { places: 3, above: true, gap: 2, rivalId: 42, settled: false, playoffs: false };
    // Out of the title race (fourth, 28 points behind): the relegation line is what is at stake.
    const fourth = (race: TableRace) => leadWith(race, 4);
    expect(fourth({ ...none, relegation: line })).toMatch(/; they are two points above the relegation places\.$/);
    expect(fourth({ ...none, relegation: { ...line, above: false, gap: 1 } })).toMatch(
      /; they are in the relegation places, one point from safety\.$/,
    );
    expect(fourth({ ...none, relegation: { ...line, above: false, gap: 9, settled: true } })).toMatch(
      /; they are already relegated\.$/,
    );
    // Far from the line and not settled below it: nothing to say.
    expect(fourth({ ...none, relegation: { ...line, gap: 9, settled: true } })).toMatch(/with four games left\.$/);
    expect(fourth({ ...none, promotion: { ...line, places: 2, above: false, gap: 3, playoffs: true } })).toMatch(
      /; they are three points off the automatic promotion places\.$/,
    );
    expect(fourth({ ...none, promotion: { ...line, places: 2, gap: 4 } })).toMatch(
      /; they are in the promotion places, four points clear of third-placed Team 42\.$/,
    );
  });

  it('tells the run the last match ended, once, when the data covers it', () => {
    const b = new HistoryBuilder();
    b.add({ date: '2022-10-29', home: 2, away: 40, score: '1-2' });
    b.series(2, '2022-11-12', ['2-0', '1-1', '3-2', '1-0', '2-2', '1-0', '4-1', '0-0'], { venue: 'home' });
    b.series(1, '2023-08-13', ['2-0', '1-1', '0-1', '3-2', '0-2', '1-0']);
    const firstLegId = b.add({ date: '2024-04-11', home: 2, away: 1, score: '0-3', competition: 'uefa.el', leg: 1 });
    b.add({ date: '2024-04-14', home: 2, away: 44, score: '0-1' });
    const facts = computeFacts({ fixture: { ...FIXTURE }, matches: b.matches, coverage: COMPLETE_COVERAGE });
    const input = composeInput({
      matches: b.matches,
      facts,
      firstLeg: { date: '2024-04-11', goals: { home: 3, away: 0 }, source: { matchId: firstLegId } },
    });
    const preview = composePreview(input);
    const standfirst = sentencesOf(preview).filter((s) => s.section === 'intro');
    expect(standfirst.at(-1)!.text).toBe(
      'Team 2, meanwhile, lost 1-0 at home to Team 44 on Sunday, their first home league defeat in nearly 18 months.',
    );
    const run = preview.facts.find((f) => standfirst.at(-1)!.factIds.includes(f.id) && f.kind === 'run')!;
    expect(run.matches.map((m) => m.matchId)).toContain(1);
    // Stated once: the match preview does not tell Team 2's run again.
    const aboutTheRun = sentencesOf(preview).filter((s) => s.factIds.includes(run.id));
    expect(aboutTheRun.map((s) => s.section)).toEqual(['intro']);
    // Where the data does not hold the match before the run, no "first … in": the defeat alone.
    const partial: SeasonCoverageLookup = (team, season) =>
      season === '2022-23' ? null : COMPLETE_COVERAGE(team, season);
    const unscoped = composePreview({
      ...input,
      facts: computeFacts({ fixture: { ...FIXTURE }, matches: b.matches, coverage: partial }),
    });
    expect(sentencesOf(unscoped).find((s) => s.text.startsWith('Team 2, meanwhile'))!.text).toBe(
      'Team 2, meanwhile, lost 1-0 at home to Team 44 on Sunday.',
    );
  });

  it('opens a fixture without a first leg on the fixture itself', () => {
    const { matches } = tieHistory();
    const input = composeInput({ firstLeg: null, tie: null, matches });
    const preview = composePreview({
      ...input,
      fixture: { ...input.fixture, competition: { code: 'xx.1', name: 'Made-up League' }, round: null, leg: null },
    });
    const [opening] = sentencesOf(preview);
    expect(opening).toEqual({
      section: 'intro',
      text: 'Team 1 host Team 2 in the Made-up League on Thursday.',
      factIds: [],
    });
    expect(preview.furniture.tie).toBeNull();
  });

  it('boxes the tie with what each side needs, and the form guides with the facts’ letters', () => {
    const preview = composePreview(composeInput());
    expect(preview.furniture.tie).toEqual({
      firstLeg: 'Team 2 0-3 Team 1',
      aggregate: { home: 3, away: 0 },
      needs: [
        {
          team: 'Team 1',
          text: 'Team 1 go through unless they lose by three goals or more; a three-goal defeat means extra time.',
        },
        { team: 'Team 2', text: 'Team 2 need to win by 3 to force extra time, by 4 to go through.' },
      ],
      factIds: ['first-leg', 'tie-forecast'],
    });
    const team1 = preview.furniture.form.find((g) => g.team === 'Team 1' && g.scope === 'all competitions')!;
    // Team 1's last six: 4-0, 0-0, 2-1, 0-1 at home, then the 2-2 with team 2 and the 3-0 first leg.
    expect(team1.results.join('')).toBe('WDWLDW');
    const markdown = renderMarkdown(preview);
    expect(markdown).toContain('| Team 1 | all competitions | W D W L D W |');
    expect(markdown).toMatch(/\*\*The tie\*\*\[\^1\]/);
    const html = renderHtml(preview);
    expect(html).toContain('<aside class="box tie">');
    expect(html).not.toContain('<g class="player');
  });
});

describe('how a match went', () => {
  const m = (score: [number, number], ht: [number, number] | null, neutral = false) => ({
    home: { id: 1, name: 'Home' },
    away: { id: 2, name: 'Away' },
    neutral,
    score: { ft: score, ht, et: null, pens: null },
  });

  it('finds a lead thrown away, a comeback, a defeat and a big win; a plain draw is no news', () => {
    expect(lastResult(m([2, 2], [2, 0]), 1)).toEqual({
      outcome: 'D',
      phrase: 'let a 2-0 half-time lead slip in a 2-2 home draw with Away',
      news: true,
    });
    expect(lastResult(m([2, 3], [2, 0]), 1).phrase).toBe('lost 3-2 at home to Away after leading 2-0 at half-time');
    expect(lastResult(m([1, 2], [1, 0]), 2).phrase).toBe('came from 1-0 down at half-time to beat Home 2-1 away');
    expect(lastResult(m([0, 1], [0, 0]), 1)).toMatchObject({ phrase: 'lost 1-0 at home to Away', news: true });
    expect(lastResult(m([0, 1], null, true), 1).phrase).toBe('lost 1-0 to Away');
    expect(lastResult(m([4, 0], null), 1)).toMatchObject({ phrase: 'beat Away 4-0 at home', news: true });
    expect(lastResult(m([1, 0], null), 2)).toMatchObject({ outcome: 'L', news: true });
    expect(lastResult(m([0, 2], null), 2)).toMatchObject({ phrase: 'won 2-0 at Home', news: false });
    expect(lastResult(m([1, 1], [0, 0]), 1).news).toBe(false);
  });
});

describe('the league standing', () => {
  const format: LeagueFormat = { ...DOUBLE_ROUND_ROBIN, relegation: 1 };
  const match = tableMatch;

  it('places a team and counts its games left; a finished season or an unknown team gives none', () => {
    const halfway = [match(1, 2, 2, 0), match(3, 1, 1, 1), match(2, 3, 0, 1)];
    const table = leagueTable(halfway, format)!;
    // Teams 1 and 3 both have four points; team 1's goal difference is better.
    expect(standingIn(table, 1)).toMatchObject({ position: 1, matchesLeft: 2, row: { points: 4, played: 2 } });
    expect(standingIn(table, 3)).toMatchObject({ position: 2, matchesLeft: 2, row: { points: 4, played: 2 } });
    expect(standingIn(table, 2)).toMatchObject({ position: 3, matchesLeft: 2, row: { points: 0 } });
    expect(standingIn(table, 9)).toBeNull();
    const finished = leagueTable([...halfway, match(2, 1, 1, 0), match(1, 3, 0, 0), match(3, 2, 2, 2)], format)!;
    expect(standingIn(finished, 1)).toBeNull();
  });
});

describe('sentences from the dossier and varied openings', () => {
  it('turns a note into a sentence about the player', () => {
    expect(noteSentence('Giorgio Scalvini', 'Scalvini', 'also missed the first leg.')).toBe(
      'Scalvini also missed the first leg.',
    );
    expect(noteSentence('Giorgio Scalvini', 'Scalvini', 'Also missed the first leg')).toBe(
      'Scalvini also missed the first leg.',
    );
    expect(noteSentence('Sead Kolasinac', 'Kolasinac', 'Injured before the first leg')).toBe(
      'Kolasinac was injured before the first leg.',
    );
    expect(noteSentence('Davide Zappacosta', 'Zappacosta', 'Expected to start at right wing-back.')).toBe(
      'Zappacosta is expected to start at right wing-back.',
    );
    expect(noteSentence('Diogo Jota', 'Jota', 'He could start up front.')).toBe('He could start up front.');
    expect(noteSentence('Diogo Jota', 'Jota', 'Jota could start up front')).toBe('Jota could start up front.');
    expect(shortName('Alisson Becker', ['Alisson', 'Konate'])).toBe('Alisson');
    expect(shortName('Marten de Roon', [])).toBe('De Roon');
    expect(shortName('Pedri', [])).toBe('Pedri');
  });

  it('opens successive sentences on a team with its other names in turn, citing a manager when it names him', () => {
    const sentence = (text: string) => ({ text, factIds: ['f'] });
    let cited = 0;
    const [paragraph] = varyOpenings(
      [
        {
          kind: 'text',
          sentences: [
            sentence('Team 2 have lost two.'),
            sentence('Team 2 have conceded in nine.'),
            sentence("Team 2's form reads LWL."),
            sentence('Team 2 have scored in 27 away.'),
            sentence('Team 2 have won three of 11.'),
            sentence('Team 1 are sixth.'),
          ],
        },
      ],
      [
        { name: 'Team 2', alternates: [{ text: "Ann Smith's side", cite: () => `manager-${++cited}` }] },
        { name: 'Team 1', alternates: [] },
      ],
    );
    if (paragraph.kind !== 'text') throw new Error('not text');
    expect(paragraph.sentences.map((s) => s.text)).toEqual([
      'Team 2 have lost two.',
      'They have conceded in nine.',
      "Team 2's form reads LWL.",
      "Ann Smith's side have scored in 27 away.",
      'Team 2 have won three of 11.',
      // Another team opening on the same word is no repetition.
      'Team 1 are sixth.',
    ]);
    expect(paragraph.sentences[3].factIds).toEqual(['f', 'manager-1']);
    expect(paragraph.sentences[4].factIds).toEqual(['f']);
  });
});
