import { createHash } from 'node:crypto';
import { looksLikeSurveyToken, newSurveyToken, surveyAnswerLink, surveyTokenHash } from './survey-token';

describe('survey tokens', () => {
  it('are 256 random bits in base64url, different every time', () => {
    const tokens = Array.from({ length: 200 }, newSurveyToken);
    expect(new Set(tokens).size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(looksLikeSurveyToken(token)).toBe(true);
    }
  });

  it('are stored as their SHA-256 only', () => {
    const token = newSurveyToken();
    expect(surveyTokenHash(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(surveyTokenHash(token)).toHaveLength(64);
    expect(surveyTokenHash(token)).not.toContain(token);
  });

  it('tells a malformed token apart without a lookup', () => {
    expect(looksLikeSurveyToken('')).toBe(false);
    expect(looksLikeSurveyToken('a'.repeat(42))).toBe(false);
    expect(looksLikeSurveyToken('a'.repeat(44))).toBe(false);
    expect(looksLikeSurveyToken(`${'a'.repeat(42)}=`)).toBe(false);
    expect(looksLikeSurveyToken(`${'a'.repeat(42)}/`)).toBe(false);
  });

  it('make the answer link under the public URL', () => {
    expect(surveyAnswerLink('https://service.example.com', 'abc')).toBe(
      'https://service.example.com/api/v1/public/surveys/abc',
    );
  });
});
