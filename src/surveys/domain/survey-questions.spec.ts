import type { SurveyQuestion } from './survey-fields';
import {
  answerOf,
  answerText,
  checkAnswers,
  questionProblems,
  responseScores,
  sameQuestions,
} from './survey-questions';

const text = (zh: string, en: string | null = null) => ({ zh, en });

const QUESTIONS: SurveyQuestion[] = [
  { key: 'overall', type: 'rating', prompt: text('总体满意度', 'Overall'), required: true },
  { key: 'recommend', type: 'nps', prompt: text('推荐意愿'), required: true },
  {
    key: 'timeliness',
    type: 'choice',
    prompt: text('上门是否准时'),
    required: false,
    options: [
      { value: 'on_time', label: text('准时', 'On time') },
      { value: 'late', label: text('迟到', 'Late') },
    ],
  },
  { key: 'attitude', type: 'rating', prompt: text('服务态度'), required: false },
  { key: 'comments', type: 'text', prompt: text('意见建议'), required: false },
];

const fields = (problems: { field: string }[]) => problems.map((problem) => problem.field);

describe('checkAnswers', () => {
  it('takes a complete, valid answer and trims text', () => {
    const result = checkAnswers(QUESTIONS, {
      overall: 5,
      recommend: 0,
      timeliness: 'late',
      attitude: 1,
      comments: '  师傅很专业  ',
    });
    expect(result.problems).toEqual([]);
    expect(result.answers).toEqual({
      overall: 5,
      recommend: 0,
      timeliness: 'late',
      attitude: 1,
      comments: '师傅很专业',
    });
  });

  it('leaves out optional questions left blank', () => {
    const result = checkAnswers(QUESTIONS, { overall: 4, recommend: 10, timeliness: null, comments: '   ' });
    expect(result.problems).toEqual([]);
    expect(result.answers).toEqual({ overall: 4, recommend: 10 });
  });

  it('names every missing required question', () => {
    expect(fields(checkAnswers(QUESTIONS, { comments: '好' }).problems)).toEqual([
      'answers.overall',
      'answers.recommend',
    ]);
    expect(checkAnswers(QUESTIONS, { overall: '', recommend: 9 }).problems).toEqual([
      { field: 'answers.overall', problems: ['is required'] },
    ]);
  });

  it.each([
    ['overall', 0, 'must be a whole number from 1 to 5'],
    ['overall', 6, 'must be a whole number from 1 to 5'],
    ['overall', 4.5, 'must be a whole number from 1 to 5'],
    ['overall', '5', 'must be a whole number from 1 to 5'],
    ['recommend', -1, 'must be a whole number from 0 to 10'],
    ['recommend', 11, 'must be a whole number from 0 to 10'],
    ['timeliness', 'early', 'must be one of on_time, late'],
    ['timeliness', 1, 'must be one of on_time, late'],
    ['comments', 42, 'must be text'],
    ['comments', 'x'.repeat(2001), 'must be at most 2000 characters'],
  ])('refuses %s = %p: %s', (key, value, problem) => {
    const answers: Record<string, unknown> = { overall: 5, recommend: 9, [key]: value };
    expect(checkAnswers(QUESTIONS, answers).problems).toEqual([
      { field: `answers.${key}`, problems: [problem] },
    ]);
  });

  it('refuses an answer to a question the survey does not ask, and never finds a prototype key', () => {
    const input = JSON.parse('{"overall":5,"recommend":9,"speed":3,"__proto__":1}') as Record<
      string,
      unknown
    >;
    expect(fields(checkAnswers(QUESTIONS, input).problems)).toEqual(['answers.speed', 'answers.__proto__']);
    const tricky: SurveyQuestion[] = [
      { key: 'constructor', type: 'rating', prompt: text('?'), required: false },
    ];
    expect(checkAnswers(tricky, {})).toEqual({ answers: {}, problems: [] });
  });
});

describe('responseScores', () => {
  it('takes CSAT from the first rating question and NPS from the first NPS question', () => {
    expect(responseScores(QUESTIONS, { overall: 2, recommend: 7, attitude: 5 })).toEqual({ csat: 2, nps: 7 });
  });

  it('is null for a question left unanswered or absent from the template', () => {
    expect(responseScores(QUESTIONS, { recommend: 7 })).toEqual({ csat: null, nps: 7 });
    expect(responseScores([QUESTIONS[4] as SurveyQuestion], { comments: '好' })).toEqual({
      csat: null,
      nps: null,
    });
  });
});

describe('questionProblems', () => {
  it('accepts a well-formed template', () => {
    expect(questionProblems(QUESTIONS)).toEqual([]);
  });

  it('names a duplicate key, options on a non-choice question, too few options and a duplicate option', () => {
    const problems = questionProblems([
      {
        key: 'a',
        type: 'rating',
        prompt: text('A'),
        required: true,
        options: [{ value: 'x', label: text('X') }],
      },
      {
        key: 'a',
        type: 'choice',
        prompt: text('B'),
        required: true,
        options: [{ value: 'x', label: text('X') }],
      },
      {
        key: 'c',
        type: 'choice',
        prompt: text('C'),
        required: true,
        options: [
          { value: 'y', label: text('Y') },
          { value: 'y', label: text('Y2') },
        ],
      },
      { key: 'd', type: 'choice', prompt: text('D'), required: true },
    ]);
    expect(fields(problems)).toEqual([
      'questions.0.options',
      'questions.1.key',
      'questions.1.options',
      'questions.2.options.1.value',
      'questions.3.options',
    ]);
  });
});

describe('sameQuestions', () => {
  it('sees a changed prompt, option or requirement, and not a missing English read as null', () => {
    const copy = JSON.parse(JSON.stringify(QUESTIONS)) as SurveyQuestion[];
    expect(sameQuestions(QUESTIONS, copy)).toBe(true);
    expect(
      sameQuestions(
        QUESTIONS,
        copy.map((q, i) => (i === 0 ? { ...q, required: false } : q)),
      ),
    ).toBe(false);
    expect(
      sameQuestions(
        QUESTIONS,
        copy.map((q, i) => (i === 1 ? { ...q, prompt: text('换个说法') } : q)),
      ),
    ).toBe(false);
    expect(sameQuestions(QUESTIONS, copy.slice(1))).toBe(false);
  });
});

describe('answerText', () => {
  const [overall, recommend, timeliness, , comments] = QUESTIONS as [
    SurveyQuestion,
    SurveyQuestion,
    SurveyQuestion,
    SurveyQuestion,
    SurveyQuestion,
  ];
  it('reads answers as words in each language', () => {
    expect(answerText(overall, 4, 'zh')).toBe('4 分（满分 5 分）');
    expect(answerText(overall, 4, 'en')).toBe('4 / 5');
    expect(answerText(recommend, 9, 'zh')).toBe('9 分（0–10）');
    expect(answerText(timeliness, 'on_time', 'zh')).toBe('准时');
    expect(answerText(timeliness, 'on_time', 'en')).toBe('On time');
    expect(answerText(comments, '很好', 'en')).toBe('很好');
    expect(answerText(comments, undefined, 'zh')).toBe('（未作答）');
  });

  it('finds only own answers', () => {
    expect(answerOf({ overall: 5 }, 'overall')).toBe(5);
    expect(answerOf({ overall: 5 }, 'constructor')).toBeUndefined();
  });
});
