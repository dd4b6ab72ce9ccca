import type { Language } from '../../common/errors/error-messages';
import type { FieldProblem } from '../../common/errors/validation-errors';
import {
  MAX_OPTIONS,
  MIN_OPTIONS,
  SCALES,
  type SurveyQuestion,
  TEXT_ANSWER_MAX_LENGTH,
  localized,
} from './survey-fields';

/** A customer's answers by question key: a number for rating and NPS, the option value or the text otherwise. */
export type Answers = Record<string, number | string>;

/**
 * What class-validator cannot see in a template's questions: keys unique within the template, and
 * options exactly for choice questions (enough of them, each value once). Paths name the question.
 */
export function questionProblems(questions: readonly SurveyQuestion[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  questions.forEach((question, index) => {
    const at = `questions.${index}`;
    if (seen.has(question.key)) {
      problems.push({ field: `${at}.key`, problems: [`key "${question.key}" is used by another question`] });
    }
    seen.add(question.key);
    const options = question.options ?? [];
    if (question.type !== 'choice') {
      if (options.length > 0) {
        problems.push({ field: `${at}.options`, problems: ['options are only for choice questions'] });
      }
      return;
    }
    if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
      problems.push({
        field: `${at}.options`,
        problems: [`a choice question needs ${MIN_OPTIONS} to ${MAX_OPTIONS} options`],
      });
    }
    const values = new Set<string>();
    options.forEach((option, optionIndex) => {
      if (values.has(option.value)) {
        problems.push({
          field: `${at}.options.${optionIndex}.value`,
          problems: [`value "${option.value}" is used by another option`],
        });
      }
      values.add(option.value);
    });
  });
  return problems;
}

/** Whether two question lists ask the same (an edit that changes nothing a customer sees or answers). */
export function sameQuestions(a: readonly SurveyQuestion[], b: readonly SurveyQuestion[]): boolean {
  const normalized = (questions: readonly SurveyQuestion[]) =>
    JSON.stringify(
      questions.map((q) => ({
        key: q.key,
        type: q.type,
        prompt: { zh: q.prompt.zh, en: q.prompt.en ?? null },
        required: q.required,
        options: (q.options ?? []).map((o) => ({ value: o.value, zh: o.label.zh, en: o.label.en ?? null })),
      })),
    );
  return normalized(a) === normalized(b);
}

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Judges a customer's answers against the template: every required question answered, ratings whole
 * numbers 1–5, NPS 0–10, a choice one of its options, text at most 2000 characters, and no answer to a
 * question the survey does not ask. Problems name `answers.<key>`; the clean answers leave out the
 * optional questions left blank and keep text trimmed.
 */
export function checkAnswers(
  questions: readonly SurveyQuestion[],
  input: Readonly<Record<string, unknown>>,
): { answers: Answers; problems: FieldProblem[] } {
  const answers: Answers = {};
  const problems: FieldProblem[] = [];
  const asked = new Set(questions.map((question) => question.key));
  for (const key of Object.keys(input)) {
    if (!asked.has(key)) {
      problems.push({ field: `answers.${key}`, problems: ['is not a question of this survey'] });
    }
  }
  for (const question of questions) {
    const field = `answers.${question.key}`;
    // Own properties only: a key such as `constructor` must not find the prototype's.
    const value = Object.hasOwn(input, question.key) ? input[question.key] : undefined;
    if (isBlank(value)) {
      if (question.required) problems.push({ field, problems: ['is required'] });
      continue;
    }
    switch (question.type) {
      case 'rating':
      case 'nps': {
        const { min, max } = SCALES[question.type];
        if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
          problems.push({ field, problems: [`must be a whole number from ${min} to ${max}`] });
        } else answers[question.key] = value;
        break;
      }
      case 'choice': {
        const values = (question.options ?? []).map((option) => option.value);
        if (typeof value !== 'string' || !values.includes(value)) {
          problems.push({ field, problems: [`must be one of ${values.join(', ')}`] });
        } else answers[question.key] = value;
        break;
      }
      case 'text': {
        if (typeof value !== 'string') problems.push({ field, problems: ['must be text'] });
        else if (value.trim().length > TEXT_ANSWER_MAX_LENGTH) {
          problems.push({ field, problems: [`must be at most ${TEXT_ANSWER_MAX_LENGTH} characters`] });
        } else answers[question.key] = value.trim();
        break;
      }
    }
  }
  return { answers, problems };
}

/**
 * The two scores a response counts with. CSAT is the answer to the template's first rating question
 * (the overall satisfaction; further rating questions have their own distributions but do not make
 * the CSAT), NPS the answer to its first NPS question. Null when the template has no such question or
 * the customer left it unanswered.
 */
export function responseScores(
  questions: readonly SurveyQuestion[],
  answers: Readonly<Answers>,
): { csat: number | null; nps: number | null } {
  const scoreOf = (type: 'rating' | 'nps'): number | null => {
    const question = questions.find((candidate) => candidate.type === type);
    const value = question ? answerOf(answers, question.key) : undefined;
    return typeof value === 'number' ? value : null;
  };
  return { csat: scoreOf('rating'), nps: scoreOf('nps') };
}

/** The answer to a question, if given (own keys only, so `constructor` finds no prototype). */
export function answerOf(answers: Readonly<Answers>, key: string): number | string | undefined {
  return Object.hasOwn(answers, key) ? answers[key] : undefined;
}

/** An answer as a person reads it on the form: "4 分", the option's words, the text itself. */
export function answerText(
  question: SurveyQuestion,
  value: number | string | undefined,
  language: Language,
): string {
  if (value === undefined) return language === 'en' ? '(no answer)' : '（未作答）';
  switch (question.type) {
    case 'rating':
      return language === 'en' ? `${value} / 5` : `${value} 分（满分 5 分）`;
    case 'nps':
      return language === 'en' ? `${value} / 10` : `${value} 分（0–10）`;
    case 'choice': {
      const option = question.options?.find((candidate) => candidate.value === value);
      return option ? localized(option.label, language) : String(value);
    }
    case 'text':
      return String(value);
  }
}
