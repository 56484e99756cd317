import { MatchdayError } from '../errors.js';

/**
 * Conversions between the three ways odds are written. Decimal odds (total return per unit staked, e.g. 2.50)
 * are matchday's internal form; fractional (profit/stake, `3/2`) and American (`+150`: profit on 100 staked;
 * `-200`: stake needed to win 100) are for reading and display.
 */
export interface FractionalOdds {
  readonly numerator: number;
  readonly denominator: number;
}

/** Throws unless `decimal` is valid decimal odds (finite and greater than 1). */
export function checkDecimalOdds(decimal: number): void {
  if (!(decimal > 1) || !Number.isFinite(decimal)) {
    throw new MatchdayError('INVALID_ODDS', `decimal odds must be a finite number greater than 1, got ${decimal}`, {
      field: 'odds',
    });
  }
}

export function fractionalToDecimal(odds: FractionalOdds): number {
  const { numerator, denominator } = odds;
  if (!(numerator > 0) || !(denominator > 0) || !Number.isFinite(numerator) || !Number.isFinite(denominator)) {
    throw new MatchdayError(
      'INVALID_ODDS',
      `fractional odds need a positive numerator and denominator, got ${numerator}/${denominator}`,
      { field: 'odds' },
    );
  }
  return 1 + numerator / denominator;
}

/**
 * The fraction with denominator ≤ maxDenominator closest to decimal − 1 (so 1.909 → 10/11, 2.5 → 3/2),
 * found from the continued-fraction convergents and the best semiconvergent.
 */
export function decimalToFractional(decimal: number, maxDenominator = 100): FractionalOdds {
  checkDecimalOdds(decimal);
  if (!Number.isInteger(maxDenominator) || maxDenominator < 1) {
    throw new MatchdayError('INVALID_ARGUMENT', `maxDenominator must be a positive integer, got ${maxDenominator}`, {
      field: 'maxDenominator',
    });
  }
  const target = decimal - 1;
  let [p0, q0, p1, q1] = [0, 1, 1, 0];
  let rest = target;
  for (;;) {
    const a = Math.floor(rest);
    const q2 = q0 + a * q1;
    if (q2 > maxDenominator) break;
    [p0, q0, p1, q1] = [p1, q1, p0 + a * p1, q2];
    const fraction = rest - a;
    if (fraction < 1e-12) break;
    rest = 1 / fraction;
  }
  // p1/q1 is the last convergent; the best semiconvergent within the bound may be closer.
  const k = Math.floor((maxDenominator - q0) / q1);
  const semi = { numerator: p0 + k * p1, denominator: q0 + k * q1 };
  const convergent = { numerator: p1, denominator: q1 };
  const best = Math.abs(semi.numerator / semi.denominator - target) < Math.abs(p1 / q1 - target) ? semi : convergent;
  if (best.numerator === 0) return { numerator: 1, denominator: maxDenominator };
  return best;
}

export function formatFractional(odds: FractionalOdds): string {
  return `${odds.numerator}/${odds.denominator}`;
}

/** American odds: +100·(d − 1) from evens (2.0 → +100) upwards, −100/(d − 1) below evens. */
export function decimalToAmerican(decimal: number): number {
  checkDecimalOdds(decimal);
  return decimal >= 2 ? 100 * (decimal - 1) : -100 / (decimal - 1);
}

export function americanToDecimal(american: number): number {
  if (!Number.isFinite(american) || Math.abs(american) < 100) {
    throw new MatchdayError('INVALID_ODDS', `American odds must be ≥ +100 or ≤ −100, got ${american}`, {
      field: 'odds',
    });
  }
  return american > 0 ? 1 + american / 100 : 1 + 100 / -american;
}

/** `+150`, `-200` (rounded to whole points, the way American odds are quoted). */
export function formatAmerican(american: number): string {
  const rounded = Math.round(american);
  return rounded > 0 ? `+${rounded}` : `${rounded}`;
}

/**
 * Reads odds in any of the three forms into decimal: `2.5` (decimal), `3/2` or `evens` (fractional),
 * `+150` / `-200` (American: the sign is what marks them, so `150` alone reads as decimal 150).
 */
export function parseOdds(text: string): number {
  const s = text.trim();
  if (/^(evens|evs|even)$/i.test(s)) return 2;
  const fractional = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(s);
  if (fractional) return fractionalToDecimal({ numerator: Number(fractional[1]), denominator: Number(fractional[2]) });
  if (/^[+-]\d+(?:\.\d+)?$/.test(s)) return americanToDecimal(Number(s));
  if (/^\d+(?:\.\d+)?$/.test(s)) {
    const decimal = Number(s);
    checkDecimalOdds(decimal);
    return decimal;
  }
  throw new MatchdayError(
    'INVALID_ODDS',
    `cannot read odds '${text}': expected decimal (2.50), fractional (3/2) or American (+150, -200)`,
    {
      field: 'odds',
    },
  );
}
