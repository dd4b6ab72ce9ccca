import { chineseNames, type Labels } from '../../common/labels';

/** The kinds of controlled documents (受控文件) the GB/T 27922 auditors ask to see. */
export const DOCUMENT_CATEGORIES = [
  'service_manual',
  'procedure',
  'legal_register',
  'org_chart',
  'certificate',
  'contract',
  'commitment',
  'other',
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const DOCUMENT_CATEGORY_LABELS: Labels<DocumentCategory> = {
  service_manual: { zh: '售后服务手册', en: 'Service manual' },
  procedure: { zh: '程序文件', en: 'Procedure' },
  legal_register: { zh: '法律法规清单', en: 'Legal register' },
  org_chart: { zh: '组织机构图', en: 'Organisation chart' },
  certificate: { zh: '证书', en: 'Certificate' },
  contract: { zh: '合同', en: 'Contract' },
  commitment: { zh: '服务承诺', en: 'Service commitment' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * `draft`: registered, no approved version yet (its file is being uploaded); `current`: has an
 * approved version in force; `withdrawn` (作废): obsolete, kept with its whole history.
 */
export const DOCUMENT_STATUSES = ['draft', 'current', 'withdrawn'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_STATUS_LABELS: Labels<DocumentStatus> = {
  draft: { zh: '待发布', en: 'Draft' },
  current: { zh: '现行有效', en: 'Current' },
  withdrawn: { zh: '已作废', en: 'Withdrawn' },
};
export const DOCUMENT_STATUS_NAMES = chineseNames(DOCUMENT_STATUS_LABELS);

/** Where one version stands in its document's history. */
export const VERSION_STATUSES = ['current', 'superseded', 'withdrawn'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** The evidence type a document supports unless it names another. */
export const DEFAULT_DOCUMENT_EVIDENCE = 'documents';

/** The owner type of a document's files in the attachments register. */
export const DOCUMENT_OWNER_TYPE = 'document';

export const NUMBER_MAX_LENGTH = 60;
export const TITLE_MAX_LENGTH = 200;
export const NAME_MAX_LENGTH = 100;
export const LABEL_MAX_LENGTH = 30;
export const NOTE_MAX_LENGTH = 2000;
export const REASON_MAX_LENGTH = 500;
