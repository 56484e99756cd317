import { describe, expect, it } from 'vitest';
import { composePreview } from '../../src/preview/compose-preview.js';
import { chooseVerdict, scoresOf, type ResultKey } from '../../src/preview/write-verdict.js';
import type { TieNumbers } from '../../src/preview/write-forecast-input.js';
import { composeInput, forecastOf } from './compose-input.js';

const outcomeOf = (home: number, away: number): ResultKey => (home > away ? 'home' : home < away ? 'away' : 'draw');

function tieNumbers(overrides: Partial<TieNumbers> = {}): TieNumbers {
  return {
    home: { total: 0.5, inNormalTime: 0.3, inExtraTime: 0.12, onPenalties: 0.08 },
    away: { total: 0.5, inNormalTime: 0.38, inExtraTime: 0.04, onPenalties: 0.08 },
    awayGoalsRule: false,
    needs: null,
    description: 'test',
    factId: 'tie-forecast',
    ...overrides,
  };
}

describe('the verdict', () => {
  it("is the most likely scoreline within the model's most likely result, for strong and weak sides alike", () => {
    const rates: [number, number][] = [
      [1.4, 1.9],
      [2.6, 0.6],
      [0.9, 0.9],
      [0.5, 0.45],
      [1.1, 3.2],
      [1.6, 1.2],
    ];
    for (const [home, away] of rates) {
      const markets = forecastOf(home, away).markets;
      const choice = chooseVerdict(markets, null, null);
      const { result } = markets;
      const best = Math.max(result.home, result.draw, result.away);
      expect(result[choice.result], `${home}-${away}`).toBe(best);
      expect(outcomeOf(choice.score.home, choice.score.away)).toBe(choice.result);
      const likely = scoresOf(markets, choice.result);
      expect(choice.rank).toBe(0);
      expect(choice.score).toEqual(likely[0]);
      for (const other of likely) expect(choice.score.probability).toBeGreaterThanOrEqual(other.probability);
    }
  });

  it('adds the aggregate: a 3-0 first-leg lead and a 1-2 defeat go through 4-2 in normal time', () => {
    const markets = forecastOf(1.4, 1.9).markets;
    const choice = chooseVerdict(
      markets,
      { date: '2024-04-11', goals: { home: 3, away: 0 }, factId: 'first-leg' },
      tieNumbers(),
    );
    expect(choice.score).toMatchObject({ home: 1, away: 2 });
    expect(choice.tie).toEqual({ winner: 'home', aggregateHome: 4, aggregateAway: 2, decidedBy: 'normal-time' });
  });

  it('sends a level aggregate to the side the tie numbers favour after 90 minutes, by its likelier way', () => {
    const markets = forecastOf(1.6, 1.0).markets; // most likely: a home win, 1-0
    const choice = chooseVerdict(
      markets,
      { date: '2024-04-11', goals: { home: 0, away: 1 }, factId: 'first-leg' },
      tieNumbers(),
    );
    expect(choice.score).toMatchObject({ home: 1, away: 0 });
    // Home: 0.12 extra time + 0.08 penalties beats away's 0.04 + 0.08; extra time is the home side's likelier way.
    expect(choice.tie).toEqual({ winner: 'home', aggregateHome: 2, aggregateAway: 1, decidedBy: 'extra-time' });
    const onPenalties = chooseVerdict(
      markets,
      { date: '2024-04-11', goals: { home: 0, away: 1 }, factId: 'first-leg' },
      tieNumbers({ home: { total: 0.45, inNormalTime: 0.3, inExtraTime: 0.02, onPenalties: 0.13 } }),
    );
    expect(onPenalties.tie).toEqual({ winner: 'home', aggregateHome: 1, aggregateAway: 1, decidedBy: 'penalties' });
  });

  it('skips to the next likely score of the same result when away goals would settle the tie', () => {
    const markets = forecastOf(1.6, 1.0).markets;
    // First leg 1-2 away: this side scored 1 away. A 1-0 home win levels it at 2-2 with more away goals for the
    // hosts (1 v 0): away goals decide, which a verdict cannot state, so the next home win is taken.
    const firstLeg = { date: '2024-04-11', goals: { home: 1, away: 2 }, factId: 'first-leg' };
    const choice = chooseVerdict(markets, firstLeg, tieNumbers({ awayGoalsRule: true }));
    expect(choice.result).toBe('home');
    expect(choice.rank).toBeGreaterThan(0);
    expect(choice.score).toEqual(scoresOf(markets, 'home')[choice.rank]);
    expect(outcomeOf(choice.score.home, choice.score.away)).toBe('home');
    expect(choice.tie?.decidedBy).not.toBeUndefined();
  });

  it('writes the verdict into the preview with the sentences that explain it', () => {
    const preview = composePreview(composeInput());
    const section = preview.sections.find((s) => s.id === 'we-say');
    if (section?.id !== 'we-say') throw new Error('no verdict section');
    expect(section.verdict).toMatchObject({ homeGoals: 1, awayGoals: 2, tie: { winner: 'home', aggregateHome: 4 } });
    const text = section.paragraphs.flatMap((p) => (p.kind === 'text' ? p.sentences.map((s) => s.text) : [])).join(' ');
    expect(text).toContain('1-2 (9.3%)');
    expect(text).toContain('which would send Team 1 through 4-2 on aggregate');
    // The chance of going through is stated once, in the data analysis.
    expect(text).not.toContain('90.0%');
  });
});
