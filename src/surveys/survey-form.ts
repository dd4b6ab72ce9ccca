import { formatDateTime } from '../common/calendar';
import type { Language } from '../common/errors/error-messages';
import { type RecordFormContext, startRecordForm } from '../evidence/pdf/form-layout';
import {
  INVITATION_SOURCE_LABELS,
  QUESTION_TYPE_LABELS,
  type InvitationSource,
  type SurveyQuestion,
  localized,
} from './domain/survey-fields';
import { type Answers, answerOf, answerText } from './domain/survey-questions';

/** Everything the 满意度调查表 prints of one answered survey. */
export interface SurveyFormData {
  surveyName: string;
  title: { zh: string; en: string | null };
  source: InvitationSource;
  customer: { code: string; name: string };
  ticketNumber: string | null;
  outletName: string | null;
  technicianName: string | null;
  productCategory: string | null;
  sentAt: Date;
  expiresAt: Date;
  answeredAt: Date;
  language: Language;
  questions: SurveyQuestion[];
  answers: Answers;
  csatScore: number | null;
  npsScore: number | null;
}

const LABELS = {
  zh: {
    title: '满意度调查表',
    inviteSection: '一、调查信息',
    scoreSection: '二、评分',
    answerSection: '三、客户答卷',
    survey: '调查表',
    source: '调查来源',
    customer: '客户',
    ticket: '关联工单',
    outlet: '服务网点',
    technician: '维修人员',
    category: '产品类别',
    sentAt: '发出时间',
    expiresAt: '有效期至',
    answeredAt: '答卷时间',
    answerLanguage: '答卷语言',
    languages: { zh: '中文', en: '英文' },
    csat: '总体满意度',
    csatValue: (score: number) => `${score} 分（满分 5 分）${score >= 4 ? '，满意' : ''}`,
    nps: '推荐意愿',
    npsValue: (score: number) =>
      `${score} 分（0–10）${score >= 9 ? '，推荐者' : score >= 7 ? '，中立者' : '，贬损者'}`,
    number: '序号',
    question: '题目',
    type: '题型',
    answer: '回答',
    none: '无',
  },
  en: {
    title: 'Customer satisfaction survey',
    inviteSection: '1. Survey',
    scoreSection: '2. Scores',
    answerSection: '3. Answers',
    survey: 'Survey',
    source: 'Source',
    customer: 'Customer',
    ticket: 'Ticket',
    outlet: 'Outlet',
    technician: 'Technician',
    category: 'Category',
    sentAt: 'Sent',
    expiresAt: 'Valid until',
    answeredAt: 'Answered',
    answerLanguage: 'Language',
    languages: { zh: 'Chinese', en: 'English' },
    csat: 'Overall satisfaction',
    csatValue: (score: number) => `${score} / 5${score >= 4 ? ', satisfied' : ''}`,
    nps: 'Likelihood to recommend',
    npsValue: (score: number) =>
      `${score} / 10${score >= 9 ? ', promoter' : score >= 7 ? ', passive' : ', detractor'}`,
    number: 'No.',
    question: 'Question',
    type: 'Type',
    answer: 'Answer',
    none: 'none',
  },
} as const;

/**
 * The 满意度调查表 of one answered survey, as an auditor reads it: what was sent to whom about which
 * job, the two scores, and every question with the customer's answer. Returns the PDF stream.
 */
export function renderSurveyForm(data: SurveyFormData, context: RecordFormContext): PDFKit.PDFDocument {
  const l = LABELS[context.language];
  const at = (instant: Date) => formatDateTime(instant, context.timeZone);
  const form = startRecordForm(context, l.title, localized(data.title, context.language));

  form.section(l.inviteSection);
  form.fields([
    [l.survey, data.surveyName],
    [l.source, INVITATION_SOURCE_LABELS[data.source][context.language]],
    [l.customer, `${data.customer.name}（${data.customer.code}）`],
    [l.ticket, data.ticketNumber ?? ''],
    [l.outlet, data.outletName ?? ''],
    [l.technician, data.technicianName ?? ''],
    [l.category, data.productCategory ?? ''],
    [l.answerLanguage, l.languages[data.language]],
    [l.sentAt, at(data.sentAt)],
    [l.expiresAt, at(data.expiresAt)],
    [l.answeredAt, at(data.answeredAt)],
  ]);

  form.section(l.scoreSection);
  form.fields([
    [l.csat, data.csatScore === null ? l.none : l.csatValue(data.csatScore)],
    [l.nps, data.npsScore === null ? l.none : l.npsValue(data.npsScore)],
  ]);

  form.section(l.answerSection);
  form.table(
    [
      { header: l.number, weight: 1 },
      { header: l.question, weight: 6 },
      { header: l.type, weight: 2 },
      { header: l.answer, weight: 6 },
    ],
    data.questions.map((question, index) => [
      String(index + 1),
      localized(question.prompt, context.language),
      QUESTION_TYPE_LABELS[question.type][context.language],
      answerText(question, answerOf(data.answers, question.key), context.language),
    ]),
  );
  form.finish();
  return form.doc;
}
