import type { DataSource } from 'typeorm';
import { PERIOD_END, PERIOD_START, queryEvidenceSource } from '../evidence/evidence-query';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { INVITATION_SOURCE_LABELS } from './domain/survey-fields';
import { SurveyResponseEntity } from './survey-response.entity';

/**
 * Answered surveys as audit evidence (客户满意度调查表): each response answered in the period (company
 * time zone) with who and what it was about, the two scores and the customer's own words. Of the
 * customer only the code and name are shown.
 */
export function surveyEvidenceSource(dataSource: DataSource, timeZone: string): EvidenceSource {
  return queryEvidenceSource(dataSource, timeZone, {
    code: 'surveys',
    columns: [
      { key: 'answeredAt', zh: '答卷时间', en: 'Answered at', kind: 'datetime', width: 17 },
      { key: 'surveyName', zh: '调查表', en: 'Survey', kind: 'text', width: 20 },
      {
        key: 'source',
        zh: '调查来源',
        en: 'Source',
        kind: 'text',
        width: 10,
        values: INVITATION_SOURCE_LABELS,
      },
      { key: 'sentAt', zh: '发出时间', en: 'Sent at', kind: 'datetime', width: 17 },
      { key: 'customerCode', zh: '客户编号', en: 'Customer code', kind: 'text', width: 10 },
      { key: 'customerName', zh: '客户', en: 'Customer', kind: 'text', width: 20 },
      { key: 'ticketNumber', zh: '工单号', en: 'Ticket', kind: 'text', width: 15 },
      { key: 'outletName', zh: '服务网点', en: 'Outlet', kind: 'text', width: 20 },
      { key: 'technicianName', zh: '维修人员', en: 'Technician', kind: 'text', width: 10 },
      { key: 'productCategory', zh: '产品类别', en: 'Product category', kind: 'text', width: 10 },
      { key: 'csatScore', zh: '总体满意度（1–5）', en: 'Satisfaction (1–5)', kind: 'integer', width: 10 },
      { key: 'npsScore', zh: '推荐意愿（0–10）', en: 'Recommend (0–10)', kind: 'integer', width: 10 },
      { key: 'comments', zh: '客户意见', en: 'Comments', kind: 'list', width: 40 },
    ],
    records: () =>
      dataSource
        .getRepository(SurveyResponseEntity)
        .createQueryBuilder('r')
        .innerJoin('r.invitation', 'i')
        .innerJoin('i.template', 'st')
        .innerJoin('i.customer', 'c')
        .leftJoin('i.ticket', 't')
        .leftJoin('i.outlet', 'o')
        .leftJoin('i.technician', 'u')
        .where(`r.answeredAt >= ${PERIOD_START} AND r.answeredAt < ${PERIOD_END}`),
    select: {
      id: 'r.id',
      answeredAt: 'r.answeredAt',
      surveyName: 'st.name',
      source: 'i.source',
      sentAt: 'i.sentAt',
      customerCode: 'c.code',
      customerName: 'c.name',
      ticketNumber: 't.number',
      outletName: 'o.name',
      technicianName: 'u.displayName',
      productCategory: 'i.productCategory',
      csatScore: 'r.csatScore',
      npsScore: 'r.npsScore',
      // The answers to the template's text questions, in the template's order.
      comments: `ARRAY(SELECT r.answers ->> (q.item ->> 'key')
          FROM jsonb_array_elements(st.questions) WITH ORDINALITY AS q(item, position)
         WHERE q.item ->> 'type' = 'text' AND (r.answers ->> (q.item ->> 'key')) IS NOT NULL
         ORDER BY q.position)`,
    },
    orderBy: ['r.answeredAt', 'r.id'],
  });
}
