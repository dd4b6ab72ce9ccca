import type { DataSource } from 'typeorm';
import { maskNationalId, nationalIdLast4, normalizeNationalId } from '../common/pii/national-id';
import type { ExportColumn, ExportRow } from '../evidence/domain/export-table';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { queryEvidenceSource } from '../evidence/evidence-query';
import { PerformanceReviewEntity } from './performance-review.entity';
import { QualificationEntity } from './qualification.entity';
import { type TrainingKind, TrainingEntity } from './training.entity';

/** The type of certificate that makes a certified after-sales service manager (GB/T 27922 staffing). */
export const SERVICE_MANAGER_QUALIFICATION = '售后服务管理师';

/** The shape of a resident ID number (GB 11643), checked or not: a mistyped one is still someone's. */
const NATIONAL_ID_SHAPE = /^\d{17}[\dX]$/;

/**
 * Some certificates (特种作业操作证 among them) are numbered with the holder's resident ID number; an
 * export shows such a number masked, as every screen shows ID numbers.
 */
export function maskIdNumberedCertificate(row: ExportRow): ExportRow {
  const number = row.certificateNumber;
  if (typeof number !== 'string') return row;
  const normalized = normalizeNationalId(number);
  if (!NATIONAL_ID_SHAPE.test(normalized)) return row;
  return { ...row, certificateNumber: maskNationalId(nationalIdLast4(normalized)) };
}

const CERTIFICATE_COLUMNS = {
  holderName: { key: 'holderName', zh: '持证人', en: 'Holder', kind: 'text', width: 10 },
  outletName: { key: 'outletName', zh: '所属网点', en: 'Outlet', kind: 'text', width: 20 },
  type: { key: 'type', zh: '证书类型', en: 'Type', kind: 'text', width: 16 },
  certificateNumber: { key: 'certificateNumber', zh: '证书编号', en: 'Number', kind: 'text', width: 20 },
  issuer: { key: 'issuer', zh: '发证机构', en: 'Issuer', kind: 'text', width: 24 },
  issuedOn: { key: 'issuedOn', zh: '发证日期', en: 'Issued on', kind: 'date', width: 11 },
  validUntil: { key: 'validUntil', zh: '有效期至', en: 'Valid until', kind: 'date', width: 11 },
  productCategories: {
    key: 'productCategories',
    zh: '适用产品类别',
    en: 'Product categories',
    kind: 'list',
    width: 16,
  },
} as const satisfies Record<string, ExportColumn>;

const TRAINING_COLUMNS: readonly ExportColumn[] = [
  { key: 'heldOn', zh: '培训日期', en: 'Date', kind: 'date', width: 11 },
  { key: 'topic', zh: '培训主题', en: 'Topic', kind: 'text', width: 30 },
  { key: 'hours', zh: '学时', en: 'Hours', kind: 'decimal', width: 6 },
  { key: 'trainer', zh: '培训讲师', en: 'Trainer', kind: 'text', width: 10 },
  { key: 'location', zh: '培训地点', en: 'Location', kind: 'text', width: 20 },
  { key: 'outletName', zh: '网点', en: 'Outlet', kind: 'text', width: 20 },
  { key: 'attendees', zh: '参训人数', en: 'Attendees', kind: 'integer', width: 8 },
  { key: 'passed', zh: '考核合格人数', en: 'Passed', kind: 'integer', width: 8 },
];

/**
 * The staff module's audit evidence: certificates, trainings and performance reviews. Records set
 * inactive (the registers' stand-in for deleting) are left out, as the trainings summary leaves them.
 */
export function staffEvidenceSources(dataSource: DataSource, timeZone: string): EvidenceSource[] {
  // A certificate is valid at some time in the period when it was issued by the period's end (an
  // unknown issue date counts as issued) and does not expire before the period began.
  const certificates = () =>
    dataSource
      .getRepository(QualificationEntity)
      .createQueryBuilder('q')
      .innerJoin('q.user', 'u')
      .leftJoin('u.outlet', 'uo')
      .where('q.active = true')
      .andWhere('(q.issuedOn IS NULL OR q.issuedOn <= :periodTo)')
      .andWhere('(q.validUntil IS NULL OR q.validUntil >= :periodFrom)');
  const certificateSelect = {
    id: 'q.id',
    holderName: 'u.displayName',
    outletName: 'uo.name',
    type: 'q.type',
    certificateNumber: 'q.certificateNumber',
    issuer: 'q.issuer',
    issuedOn: 'CAST(q.issuedOn AS text)',
    validUntil: 'CAST(q.validUntil AS text)',
    productCategories: 'q.productCategories',
  };
  const certificateOrder = ['q.issuedOn', 'u.displayName', 'q.id'];

  // Trainings held in the period, with how many attended and how many passed the assessment.
  const trainings = (code: 'staff-trainings' | 'customer-trainings', kind: TrainingKind) =>
    queryEvidenceSource(dataSource, timeZone, {
      code,
      columns: TRAINING_COLUMNS,
      records: () =>
        dataSource
          .getRepository(TrainingEntity)
          .createQueryBuilder('t')
          .leftJoin('t.outlet', 'o')
          .where('t.active = true AND t.kind = :trainingKind', { trainingKind: kind })
          .andWhere('t.heldOn BETWEEN :periodFrom AND :periodTo'),
      select: {
        id: 't.id',
        heldOn: 'CAST(t.heldOn AS text)',
        topic: 't.topic',
        hours: 't.hours',
        trainer: 't.trainer',
        location: 't.location',
        outletName: 'o.name',
        attendees: '(SELECT count(*)::int FROM training_attendees ta WHERE ta.training_id = t.id)',
        passed: `(SELECT count(*)::int FROM training_attendees ta
          WHERE ta.training_id = t.id AND ta.result = 'passed')`,
      },
      orderBy: ['t.heldOn', 't.topic', 't.id'],
    });

  return [
    queryEvidenceSource(dataSource, timeZone, {
      code: 'service-managers',
      columns: [
        CERTIFICATE_COLUMNS.holderName,
        CERTIFICATE_COLUMNS.outletName,
        CERTIFICATE_COLUMNS.certificateNumber,
        CERTIFICATE_COLUMNS.issuer,
        CERTIFICATE_COLUMNS.issuedOn,
        CERTIFICATE_COLUMNS.validUntil,
      ],
      records: () =>
        certificates().andWhere('q.type = :managerType', { managerType: SERVICE_MANAGER_QUALIFICATION }),
      select: certificateSelect,
      orderBy: certificateOrder,
      map: maskIdNumberedCertificate,
    }),
    queryEvidenceSource(dataSource, timeZone, {
      code: 'qualifications',
      columns: Object.values(CERTIFICATE_COLUMNS),
      records: certificates,
      select: certificateSelect,
      orderBy: certificateOrder,
      map: maskIdNumberedCertificate,
    }),
    trainings('staff-trainings', 'staff'),
    trainings('customer-trainings', 'customer'),
    // Reviews whose review period overlaps the period.
    queryEvidenceSource(dataSource, timeZone, {
      code: 'performance-reviews',
      columns: [
        { key: 'personName', zh: '被考核人', en: 'Person', kind: 'text', width: 10 },
        { key: 'period', zh: '考核期间', en: 'Period', kind: 'text', width: 16 },
        { key: 'periodStart', zh: '起始日期', en: 'From', kind: 'date', width: 11 },
        { key: 'periodEnd', zh: '截止日期', en: 'To', kind: 'date', width: 11 },
        { key: 'score', zh: '得分', en: 'Score', kind: 'decimal', width: 8 },
        { key: 'grade', zh: '等级', en: 'Grade', kind: 'text', width: 6 },
        { key: 'reviewerName', zh: '考核人', en: 'Reviewer', kind: 'text', width: 10 },
        { key: 'comments', zh: '评语', en: 'Comments', kind: 'text', width: 40 },
      ],
      records: () =>
        dataSource
          .getRepository(PerformanceReviewEntity)
          .createQueryBuilder('r')
          .innerJoin('r.user', 'u')
          .innerJoin('r.reviewer', 'rv')
          .where('r.active = true')
          .andWhere('r.periodStart <= :periodTo AND r.periodEnd >= :periodFrom'),
      select: {
        id: 'r.id',
        personName: 'u.displayName',
        period: 'r.period',
        periodStart: 'CAST(r.periodStart AS text)',
        periodEnd: 'CAST(r.periodEnd AS text)',
        score: 'r.score',
        grade: 'r.grade',
        reviewerName: 'rv.displayName',
        comments: 'r.comments',
      },
      orderBy: ['r.periodStart', 'u.displayName', 'r.id'],
    }),
  ];
}
