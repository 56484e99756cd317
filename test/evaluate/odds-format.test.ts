import { describe, it, expect } from 'vitest';
import {
  americanToDecimal,
  decimalToAmerican,
  decimalToFractional,
  formatAmerican,
  formatFractional,
  fractionalToDecimal,
  parseOdds,
} from '../../src/evaluate/odds-format.js';
import { MatchdayError } from '../../src/errors.js';

describe('fractional odds', () => {
  it('converts to decimal as 1 + numerator/denominator', () => {
    expect(fractionalToDecimal({ numerator: 3, denominator: 2 })).toBe(2.5);
    expect(fractionalToDecimal({ numerator: 1, denominator: 4 })).toBe(1.25);
    expect(fractionalToDecimal({ numerator: 100, denominator: 30 })).toBeCloseTo(4.333333, 6);
  });

  it('converts from decimal to the nearest fraction with a bounded denominator', () => {
    expect(decimalToFractional(2.5)).toEqual({ numerator: 3, denominator: 2 });
    expect(decimalToFractional(1.909)).toEqual({ numerator: 10, denominator: 11 });
    expect(decimalToFractional(3)).toEqual({ numerator: 2, denominator: 1 });
    expect(decimalToFractional(1.8)).toEqual({ numerator: 4, denominator: 5 });
    expect(decimalToFractional(Math.PI + 1, 10)).toEqual({ numerator: 22, denominator: 7 });
    expect(formatFractional(decimalToFractional(11))).toBe('10/1');
  });

  it('rejects non-positive parts', () => {
    expect(() => fractionalToDecimal({ numerator: 0, denominator: 2 })).toThrow(MatchdayError);
  });
});

describe('American odds', () => {
  it('converts both ways around evens', () => {
    expect(decimalToAmerican(2.5)).toBeCloseTo(150, 12);
    expect(decimalToAmerican(1.5)).toBeCloseTo(-200, 12);
    expect(decimalToAmerican(2)).toBe(100);
    expect(americanToDecimal(150)).toBe(2.5);
    expect(americanToDecimal(-200)).toBe(1.5);
    expect(americanToDecimal(-100)).toBe(2);
    for (const d of [1.01, 1.3, 1.91, 2, 2.75, 15]) expect(americanToDecimal(decimalToAmerican(d))).toBeCloseTo(d, 12);
    expect(formatAmerican(decimalToAmerican(2.5))).toBe('+150');
    expect(formatAmerican(decimalToAmerican(1.5))).toBe('-200');
  });

  it('rejects values between −100 and +100', () => {
    expect(() => americanToDecimal(50)).toThrow(/≥ \+100 or ≤ −100, got 50/);
    expect(() => decimalToAmerican(1)).toThrow(/greater than 1/);
  });
});

describe('parseOdds', () => {
  it('reads decimal, fractional, evens and American', () => {
    expect(parseOdds('2.50')).toBe(2.5);
    expect(parseOdds(' 6/4 ')).toBe(2.5);
    expect(parseOdds('Evens')).toBe(2);
    expect(parseOdds('+150')).toBe(2.5);
    expect(parseOdds('-200')).toBe(1.5);
  });

  it('explains what it expected when it cannot read the text', () => {
    expect(() => parseOdds('two to one')).toThrow(/cannot read odds 'two to one'/);
    expect(() => parseOdds('0.8')).toThrow(/greater than 1/);
    expect(() => parseOdds('+50')).toThrow(MatchdayError);
  });
});
