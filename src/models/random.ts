import { MatchdayError } from '../errors.js';

/**
 * Seeded random variates for simulations and synthetic tests.
 *
 * Generator: xoshiro128** (Blackman & Vigna) — the 32-bit member of the xoroshiro family, so it runs on plain
 * 32-bit integer arithmetic (no BigInt), with a period of 2^128 − 1 instead of mulberry32's 2^32 (a long
 * bracket simulation can draw more than 2^32 numbers). The 128-bit state is filled from the seed by splitmix32.
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let z = seed >>> 0;
    const next = (): number => {
      z = (z + 0x9e3779b9) >>> 0;
      let t = z;
      t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
      t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
      return (t ^ (t >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** Next raw 32-bit output. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** Standard normal (Box–Muller; one of the pair is used, which keeps the state simple). */
  normal(): number {
    const u = 1 - this.uniform(); // (0, 1]: log stays finite
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Poisson(mean) by inversion (exact; cost grows with the mean). Means above 500 are split in halves —
   * a sum of independent Poissons is Poisson — so e^(−mean) never underflows.
   */
  poisson(mean: number): number {
    if (!(mean >= 0) || !Number.isFinite(mean)) {
      throw new MatchdayError('RANDOM_INVALID_PARAMETER', `Poisson mean must be finite and ≥ 0, got ${mean}`);
    }
    if (mean > 500) {
      const half = mean / 2;
      return this.poisson(half) + this.poisson(mean - half);
    }
    const u = this.uniform();
    let k = 0;
    let p = Math.exp(-mean);
    let cumulative = p;
    // The k < 10·mean + 50 bound only guards against rounding leaving `cumulative` a hair below u.
    while (u >= cumulative && k < 10 * mean + 50) {
      k++;
      p *= mean / k;
      cumulative += p;
    }
    return k;
  }

  /** Gamma(shape, scale) by Marsaglia & Tsang (2000); shape < 1 via the U^(1/shape) boost. */
  gamma(shape: number, scale = 1): number {
    if (!(shape > 0) || !(scale > 0) || !Number.isFinite(shape) || !Number.isFinite(scale)) {
      throw new MatchdayError(
        'RANDOM_INVALID_PARAMETER',
        `Gamma shape and scale must be finite and > 0, got ${shape}, ${scale}`,
      );
    }
    if (shape < 1) return this.gamma(shape + 1, scale) * Math.pow(1 - this.uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Negative binomial with the given mean and size r (variance mean + mean²/r), as a Gamma–Poisson mixture. */
  negativeBinomial(mean: number, size: number): number {
    if (mean === 0) return 0;
    return this.poisson(this.gamma(size, mean / size));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
