/**
 * The 18-character mainland resident ID number (居民身份证号码, GB 11643-1999): a 6-digit area code,
 * the birth date YYYYMMDD, a 3-digit sequence and a check character (ISO 7064 MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character for each remainder of the weighted sum modulo 11. */
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';
const MASKED_LENGTH = 18;
const VISIBLE_CHARACTERS = 4;

/** How ID numbers are compared and stored: no surrounding blanks, an upper-case X. */
export function normalizeNationalId(value: string): string {
  return value.trim().toUpperCase();
}

function checkCharacter(first17Digits: string): string {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17Digits[index]), 0);
  return CHECK_CHARACTERS[sum % 11] as string;
}

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/**
 * What is wrong with a normalized ID number, or nothing. `today` (YYYY-MM-DD) bounds the birth date.
 * The messages never repeat the number: they end up in responses and logs.
 */
export function nationalIdProblems(id: string, today: string): string[] {
  if (!/^\d{17}[\dX]$/.test(id)) return ['must be 17 digits followed by a digit or X'];
  const problems: string[] = [];
  if (checkCharacter(id.slice(0, 17)) !== id[17]) problems.push('check character does not match (GB 11643)');
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > today) {
    problems.push(`birth date must be a real date from ${EARLIEST_BIRTH_DATE} to today`);
  }
  return problems;
}

/** The last characters kept beside the ciphertext, so that a masked value needs no decryption. */
export function nationalIdLast4(id: string): string {
  return id.slice(-VISIBLE_CHARACTERS);
}

/** What every response shows: `**************123X`. */
export function maskNationalId(last4: string | null): string | null {
  return last4 === null ? null : '*'.repeat(MASKED_LENGTH - last4.length) + last4;
}
