/** Generated customer numbers (客户编号): KH and six digits, one after another. Also valid for PostgreSQL's `~`. */
export const GENERATED_CODE_PATTERN = /^KH\d{6}$/;

const PREFIX = 'KH';
const DIGITS = 6;
const LAST_NUMBER = 10 ** DIGITS - 1;

/** The code after the highest generated one so far (null: none yet), or null when the range is used up. */
export function nextCustomerCode(highest: string | null): string | null {
  if (highest !== null && !GENERATED_CODE_PATTERN.test(highest)) {
    throw new Error(`Not a generated customer code: ${highest}`);
  }
  const next = highest === null ? 1 : Number(highest.slice(PREFIX.length)) + 1;
  return next > LAST_NUMBER ? null : `${PREFIX}${String(next).padStart(DIGITS, '0')}`;
}
