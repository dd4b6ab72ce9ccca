/**
 * Exact fractions for scoring. A score is compared with thresholds (70, 80, 90, 95) with ≥, and points
 * lost on a sample are fractions (8 × 1/3): in floating point 70 can come out as 69.99999999999999 and
 * miss a star, so scores are kept exact and only turned into numbers to be shown.
 */
export interface Rational {
  readonly n: bigint;
  /** Always positive; the fraction is in lowest terms. */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('Division by zero');
  const sign = d < 0n ? -1n : 1n;
  const divisor = gcd(n, d < 0n ? -d : d);
  return { n: (sign * n) / divisor, d: (sign * d) / divisor };
}

export const ZERO = rational(0n);

/** Points are given with at most two decimals (6, 2.5, 0.25): exact in hundredths. */
export function fromDecimal(value: number): Rational {
  return rational(BigInt(Math.round(value * 100)), 100n);
}

export function fromInteger(value: number): Rational {
  return rational(BigInt(value));
}

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);

export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, ZERO);
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Rational, b: Rational): number {
  const difference = a.n * b.d - b.n * a.d;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export const atLeast = (a: Rational, b: Rational): boolean => compare(a, b) >= 0;

/** The nearest number, for reading; never compared with a threshold. */
export function toNumber(value: Rational): number {
  return Number(value.n) / Number(value.d);
}

/**
 * The value cut (not rounded) to `decimals`, as text: 69.95 shows as 69.9, never as 70.0, so a shown
 * figure never reaches a threshold the score has not reached.
 */
export function truncated(value: Rational, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = value.n * scale;
  // Floor division, also for negative scores (a base of 2 with 5 deductions).
  let units = scaled / value.d;
  if (scaled % value.d !== 0n && scaled < 0n) units -= 1n;
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
