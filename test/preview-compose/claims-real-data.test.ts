import { beforeAll, describe, expect, inject, it } from 'vitest';
import { gatherPreviewHistory } from '../../src/history/preview-history.js';
import { findTeam } from '../../src/history/team-lookup.js';
import { computeFacts } from '../../src/insights/compute-facts.js';
import { FactScopes } from '../../src/insights/fact-scope.js';
import type { Fact } from '../../src/insights/facts.js';
import { MatchHistory } from '../../src/insights/match-history.js';
import { composePreview } from '../../src/preview/compose-preview.js';
import { preparePreview } from '../../src/preview/prepare-preview.js';
import type { Db } from '../../src/store/database.js';
import { openDatabase } from '../../src/store/database.js';
import { hasSharedData } from '../shared-data.js';
import { sentencesOf } from './compose-input.js';

/**
 * The claims of the Atalanta v Liverpool previews (first leg 11 April 2024, second leg 18 April 2024) checked
 * against the real data and the real season, one fact kind at a time.
 */
describe.skipIf(!hasSharedData)('claims checked against the real data', () => {
  let db: Db;
  let liverpool: number;
  let atalanta: number;

  beforeAll(() => {
    db = openDatabase(inject('sharedDb'), { readonly: true });
    liverpool = findTeam(db, 'Liverpool').teamId;
    atalanta = findTeam(db, 'Atalanta').teamId;
    return () => db.close();
  });

  function factsFor(home: number, away: number, date: string, competitionCode: string, season: string): Fact[] {
    const history = gatherPreviewHistory(db, { homeTeamId: home, awayTeamId: away, date, competitionCode });
    return computeFacts({
      fixture: { homeTeamId: home, awayTeamId: away, date, competitionCode, season },
      matches: history.matches,
      goals: history.goals,
      coverage: history.coverage,
    });
  }

  function previewText(home: string, away: string, date: string): string {
    const input = preparePreview(db, { home, away, date, competition: 'uefa.el' });
    return sentencesOf(composePreview(input))
      .map((s) => s.text)
      .join(' ');
  }

  it("counts Liverpool's cup matches in their form: the FA Cup 4-3 at Manchester United, nine games conceding", () => {
    const facts = factsFor(atalanta, liverpool, '2024-04-18', 'uefa.el', '2023-24');
    const form = facts.find((f) => f.kind === 'form' && f.teamId === liverpool && f.competitions === 'all');
    if (form?.kind !== 'form') throw new Error('no form');
    expect(form.results.join('')).toBe('LWWDLL');
    expect(form.scope).toMatchObject({ complete: true, covers: 'all competitions', seasons: ['2023-24'] });
    expect(form.scope.competitions).toEqual(['eng.1', 'eng.facup', 'uefa.el']);
    const conceding = facts.find(
      (f) => f.kind === 'run' && f.teamId === liverpool && f.run === 'conceding' && f.competitions === 'all',
    );
    expect(conceding).toMatchObject({ length: 9, ongoing: true, scope: { complete: true } });
    // Atalanta's scoring run stopped at the Coppa Italia 0-1 at Fiorentina (3 April): no eight-match run is left.
    const scoring = facts.filter(
      (f) => f.kind === 'run' && f.teamId === atalanta && f.run === 'scoring' && f.venue === 'any',
    );
    expect(scoring).toEqual([]);
  });

  it('says what the data covers where a season is not complete: Atalanta in February 2020 (no Coppa Italia)', () => {
    const valencia = findTeam(db, 'Valencia').teamId;
    const facts = factsFor(atalanta, valencia, '2020-02-19', 'uefa.cl', '2019-20');
    const form = facts.find((f) => f.kind === 'form' && f.teamId === atalanta && f.competitions === 'all');
    expect(form?.scope).toMatchObject({ complete: false, covers: 'league and European matches' });
    const input = preparePreview(db, {
      home: 'Atalanta',
      away: 'Valencia',
      date: '2020-02-19',
      competition: 'uefa.cl',
    });
    const text = sentencesOf(composePreview(input))
      .map((s) => s.text)
      .join(' ');
    expect(text).toMatch(/Atalanta[^.]*last six (league and European matches|results)[^.]*/);
    expect(text).toContain('league and European matches');
    expect(text).not.toMatch(/Atalanta[^.]*all competitions/);
  });

  it('looks back for "first time since" and records only over seasons the data holds whole', () => {
    const history = new MatchHistory(
      gatherPreviewHistory(db, {
        homeTeamId: atalanta,
        awayTeamId: liverpool,
        date: '2024-04-18',
        competitionCode: 'uefa.el',
      }).matches,
      '2024-04-18',
    );
    const scopes = new FactScopes(
      gatherPreviewHistory(db, {
        homeTeamId: atalanta,
        awayTeamId: liverpool,
        date: '2024-04-18',
        competitionCode: 'uefa.el',
      }).coverage,
      history,
    );
    // Atalanta: the Coppa Italia is in the data from 2020-21; Serie B seasons (last 2010-11) are not in it at all.
    expect(scopes.completeFrom(atalanta, 'all')?.slice(0, 7)).toBe('2020-09');
    expect(scopes.completeFrom(atalanta, 'league')?.slice(0, 4)).toBe('2011');
    expect(scopes.completeFrom(liverpool, 'all')?.slice(0, 4)).toBe('1960');
    const facts = factsFor(atalanta, liverpool, '2024-04-18', 'uefa.el', '2023-24');
    for (const f of facts) {
      if (f.kind === 'run' && f.teamId === atalanta && f.previous) {
        expect(f.previous.startDate >= f.comparedFrom!, `${f.run} ${f.competitions}`).toBe(true);
      }
      if (f.kind === 'margin-record') {
        expect(f.historyFrom >= scopes.completeFrom(f.teamId, f.competitions)!).toBe(true);
      }
    }
  });

  it("calls Leeds' 2-1 win at Anfield Liverpool's last home league defeat, not their last defeat", () => {
    // Their last defeat of all, cups included, was the FA Cup quarter-final at Old Trafford (4-3 after extra time).
    const history = new MatchHistory(
      gatherPreviewHistory(db, {
        homeTeamId: liverpool,
        awayTeamId: atalanta,
        date: '2024-04-11',
        competitionCode: 'uefa.el',
      }).matches,
      '2024-04-11',
    );
    const lastDefeat = history
      .of(liverpool)
      .filter((tm) => tm.outcome === 'L')
      .at(-1)!;
    expect(lastDefeat.match).toMatchObject({ date: '2024-03-17', competition: { code: 'eng.facup' } });
    expect(lastDefeat.match.score.et).toEqual([4, 3]);
    const text = previewText('Liverpool', 'Atalanta', '2024-04-11');
    expect(text).not.toMatch(/[Tt]heir last defeat was/);
    expect(text).toContain('Their last home league defeat was a 2-1 home defeat by Leeds United on 29 October 2022');
    // The away scoring run's last blank was away: their last blank of all was at home to Manchester United.
    expect(text).toContain('The last time they failed to score away from home was a 0-0 draw at Chelsea');
    expect(text).toContain('The last time they failed to score was a 0-0 home draw with Manchester United');
  });

  it('says a comeback won on penalties was a draw, and a half-time deficit as one', () => {
    const text = previewText('Atalanta', 'Liverpool', '2024-04-18');
    expect(text).not.toMatch(/to win a match once in the data: a 3-3 draw/);
    expect(text).toContain(
      'Liverpool have come from three goals down at half-time once in the data: against AC Milan on 25 May 2005, when they drew 3-3 after extra time and won 3-2 on penalties.',
    );
  });

  it('counts no neutral ground as a visit: no other club won its first two European visits to Anfield', () => {
    const facts = factsFor(atalanta, liverpool, '2024-04-18', 'uefa.el', '2023-24');
    const start = facts.find((f) => f.kind === 'h2h-away-start' && f.teamId === atalanta && f.competitions !== 'all');
    expect(start).toMatchObject({ wins: 2, visits: 2, othersWithSameStart: 0, otherTeamIds: [] });
    const history = gatherPreviewHistory(db, {
      homeTeamId: atalanta,
      awayTeamId: liverpool,
      date: '2024-04-18',
      competitionCode: 'uefa.el',
    });
    const byId = new Map(history.matches.map((m) => [m.id, m]));
    // Barcelona's visits as receipts: a draw and a defeat at Anfield, never a neutral replay.
    const barcelona = findTeam(db, 'Barcelona').teamId;
    const receipts = start!.matchIds.map((id) => byId.get(id)!);
    expect(receipts.every((m) => !m.neutral)).toBe(true);
    expect(receipts.filter((m) => m.away.id === barcelona).every((m) => m.home.id === liverpool)).toBe(true);
    // The precedent counts no tie whose first leg was at a neutral ground.
    for (const f of facts) {
      if (f.kind !== 'tie-precedent') continue;
      expect(f.matchIds.some((id) => byId.get(id)?.neutral)).toBe(false);
    }
  });
});
