import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { queryEvidenceSource } from '../evidence/evidence-query';
import { DOCUMENT_CATEGORY_LABELS } from './domain/document-fields';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';

/**
 * The documents in force in a period (`:periodFrom`–`:periodTo`), each with its version current at the
 * period's end (alias `v`: the latest approved on or before that day) and that version's file (`f`):
 * every document with such a version that was not withdrawn before the period began. Drafts, and
 * documents whose first version came after the period, are not in it; a document withdrawn during
 * the period still is, as it was in force for part of it.
 */
export function documentsInForce(dataSource: DataSource): SelectQueryBuilder<DocumentEntity> {
  return dataSource
    .getRepository(DocumentEntity)
    .createQueryBuilder('d')
    .innerJoin(
      DocumentVersionEntity,
      'v',
      `v.id = (SELECT pv.id FROM document_versions pv
        WHERE pv.document_id = d.id AND pv.approved_on <= :periodTo ORDER BY pv.seq DESC LIMIT 1)`,
    )
    .innerJoin('v.file', 'f')
    .leftJoin('d.outlet', 'o')
    .where('(d.withdrawnOn IS NULL OR d.withdrawnOn >= :periodFrom)');
}

/**
 * The controlled documents register as an auditor reads it (售后服务手册、法律法规清单、组织机构图、
 * 证书、合同等): one row per document in force in the period (see documentsInForce), with the version,
 * approval and file of its version current at the period's end, and the review dates as they stood
 * that day.
 */
export function documentEvidenceSource(dataSource: DataSource, timeZone: string): EvidenceSource {
  return queryEvidenceSource(dataSource, timeZone, {
    code: 'documents',
    columns: [
      { key: 'number', zh: '文件编号', en: 'Number', kind: 'text', width: 16 },
      { key: 'title', zh: '文件名称', en: 'Title', kind: 'text', width: 30 },
      {
        key: 'category',
        zh: '文件类别',
        en: 'Category',
        kind: 'text',
        width: 12,
        values: DOCUMENT_CATEGORY_LABELS,
      },
      { key: 'evidenceCode', zh: '证据代码', en: 'Evidence code', kind: 'text', width: 14 },
      { key: 'outletName', zh: '所属网点', en: 'Outlet', kind: 'text', width: 18 },
      { key: 'versionLabel', zh: '版本', en: 'Version', kind: 'text', width: 8 },
      { key: 'approvedOn', zh: '批准日期', en: 'Approved on', kind: 'date', width: 11 },
      { key: 'approvedBy', zh: '批准人', en: 'Approved by', kind: 'text', width: 12 },
      { key: 'lastReviewedOn', zh: '最近复审', en: 'Last reviewed', kind: 'date', width: 11 },
      { key: 'nextReviewOn', zh: '下次复审日期', en: 'Next review', kind: 'date', width: 11 },
      { key: 'fileName', zh: '文件名', en: 'File name', kind: 'text', width: 28 },
      { key: 'sha256', zh: '文件 SHA-256', en: 'File SHA-256', kind: 'text', width: 66 },
      { key: 'withdrawnOn', zh: '作废日期', en: 'Withdrawn on', kind: 'date', width: 11 },
    ],
    records: () => documentsInForce(dataSource),
    select: {
      id: 'd.id',
      number: 'd.number',
      title: 'd.title',
      category: 'd.category',
      evidenceCode: 'd.evidenceCode',
      outletName: 'o.name',
      versionLabel: 'v.label',
      approvedOn: 'CAST(v.approvedOn AS text)',
      approvedBy: 'v.approvedBy',
      lastReviewedOn: `(SELECT to_char(max(r.reviewed_on), 'YYYY-MM-DD') FROM document_reviews r
        WHERE r.version_id = v.id AND r.reviewed_on <= :periodTo)`,
      // A review of that version by then moved the date the version was approved with.
      nextReviewOn: `coalesce((SELECT to_char(r.next_review_on, 'YYYY-MM-DD') FROM document_reviews r
          WHERE r.version_id = v.id AND r.reviewed_on <= :periodTo
          ORDER BY r.reviewed_on DESC, r.created_at DESC LIMIT 1), CAST(v.nextReviewOn AS text))`,
      fileName: 'f.fileName',
      sha256: 'f.sha256',
      // A withdrawal after the period is no part of it.
      withdrawnOn: `CASE WHEN d.withdrawnOn <= :periodTo THEN CAST(d.withdrawnOn AS text) END`,
    },
    orderBy: ['d.number', 'd.id'],
  });
}
