import { createHash, randomBytes } from 'node:crypto';

/**
 * The token of a survey invitation: 32 random bytes (256 bits), base64url, so a link cannot be
 * guessed. Only its SHA-256 is stored; the token itself exists in the customer's mail alone.
 */
export const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSurveyToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function surveyTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a string could be a token at all (a malformed one is refused like an unknown one). */
export function looksLikeSurveyToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The answer link of the mail: the public survey endpoint under the configured PUBLIC_URL. */
export function surveyAnswerLink(publicUrl: string, token: string): string {
  return `${publicUrl}/api/v1/public/surveys/${token}`;
}
