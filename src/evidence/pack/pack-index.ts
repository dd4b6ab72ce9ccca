import { formatDateTime } from '../../common/calendar';
import type { Language } from '../../common/errors/error-messages';
import type { VerifyResult } from '../../audit/audit.service';
import type { EvidenceCode, EvidenceType } from '../domain/evidence-types';
import type { PackExportParams } from '../domain/export-jobs';
import { FormLayout } from '../pdf/form-layout';

/** One evidence type with a source, as the index lists it. */
export interface PackIndexEntry {
  type: EvidenceType & { code: EvidenceCode };
  count: number;
  /** The sample an auditor asks for: the pack's sample size for sampled types, one record otherwise. */
  sampleSize: number;
  /** Where its records are in the pack. */
  files: string[];
}

/** Files the pack takes from a module as they are (documents, reports), as the index lists them. */
export interface PackIndexFileSet {
  folder: string;
  title: { zh: string; en: string };
  files: number;
}

export interface PackIndex {
  companyName: string;
  timeZone: string;
  generatedAt: Date;
  params: PackExportParams;
  entries: PackIndexEntry[];
  fileSets: PackIndexFileSet[];
  notYetAvailable: (EvidenceType & { code: EvidenceCode })[];
  verification: VerifyResult;
}

const LABELS = {
  zh: {
    title: '审核资料包索引',
    company: '公司',
    period: '期间',
    generatedAt: '生成时间',
    sampleSize: '抽样数量',
    seed: '抽样种子',
    auditLog: '审计日志校验',
    verified: (checked: number) => `通过（共 ${checked} 条）`,
    broken: (seq: string) => `未通过：第 ${seq} 条起不连续`,
    headHash: '审计日志末条哈希',
    evidence: '一、证据清单',
    columns: ['代码', '名称', '支撑指标', '期间记录数', '抽样数量', '是否充足', '文件'],
    enough: '充足',
    gap: '不足',
    missing: '二、尚未提供的证据（系统暂无此类记录）',
    missingColumns: ['代码', '名称'],
    none: '无',
    fileSets: '三、随附文件',
    fileSetColumns: ['文件夹', '内容', '文件数'],
    files: '四、文件清单与校验',
    filesNote:
      '各文件的 SHA-256、字节数与记录数见 manifest.json；抽样方法见 sampling.txt；审计日志校验结果见 audit-trail/verification.json。',
  },
  en: {
    title: 'Audit pack index',
    company: 'Company',
    period: 'Period',
    generatedAt: 'Generated',
    sampleSize: 'Sample size',
    seed: 'Sample seed',
    auditLog: 'Audit log check',
    verified: (checked: number) => `passed (${checked} entries)`,
    broken: (seq: string) => `failed: the chain breaks at entry ${seq}`,
    headHash: 'Audit log head hash',
    evidence: '1. Evidence',
    columns: ['Code', 'Title', 'Indicators', 'Records', 'Sample', 'Enough?', 'Files'],
    enough: 'yes',
    gap: 'gap',
    missing: '2. Evidence not yet available (the system holds no such records)',
    missingColumns: ['Code', 'Title'],
    none: 'none',
    fileSets: '3. Enclosed files',
    fileSetColumns: ['Folder', 'Contents', 'Files'],
    files: '4. Files and checks',
    filesNote:
      'manifest.json gives every file with its SHA-256, bytes and records; sampling.txt how the samples were drawn; audit-trail/verification.json the audit log check.',
  },
} as const;

/** The first page of the pack: who, which period, and every evidence type with its records and gaps. */
export function renderPackIndex(index: PackIndex): PDFKit.PDFDocument {
  const language: Language = index.params.lang;
  const l = LABELS[language];
  const title = (type: EvidenceType) => (language === 'en' ? type.en : type.zh);
  const period = `${index.params.from} – ${index.params.to}`;
  const generatedAt = `${formatDateTime(index.generatedAt, index.timeZone)} (${index.timeZone})`;
  const form = new FormLayout(language);
  form.title(l.title, `${index.companyName}  ·  ${period}`);
  const { verification } = index;
  form.fields([
    [l.company, index.companyName],
    [l.period, period],
    [l.generatedAt, generatedAt],
    [l.sampleSize, String(index.params.sampleSize)],
    [l.seed, index.params.seed],
    [
      l.auditLog,
      verification.ok ? l.verified(verification.checked) : l.broken(verification.firstBrokenSeq ?? '?'),
    ],
    [l.headHash, verification.headHash],
  ]);

  form.section(l.evidence);
  form.table(
    [6, 10, 7, 4, 4, 4, 12].map((weight, i) => ({ header: l.columns[i] ?? '', weight })),
    index.entries.map((entry) => [
      entry.type.code,
      title(entry.type),
      entry.type.indicators.join(', '),
      String(entry.count),
      String(entry.sampleSize),
      entry.count >= entry.sampleSize ? l.enough : l.gap,
      entry.files.join('\n'),
    ]),
  );

  form.section(l.missing);
  if (index.notYetAvailable.length === 0) form.text(l.none);
  else
    form.table(
      [
        { header: l.missingColumns[0], weight: 1 },
        { header: l.missingColumns[1], weight: 2 },
      ],
      index.notYetAvailable.map((type) => [type.code, title(type)]),
    );

  form.section(l.fileSets);
  if (index.fileSets.length === 0) form.text(l.none);
  else
    form.table(
      [
        { header: l.fileSetColumns[0], weight: 2 },
        { header: l.fileSetColumns[1], weight: 5 },
        { header: l.fileSetColumns[2], weight: 1 },
      ],
      index.fileSets.map((set) => [
        `${set.folder}/`,
        language === 'en' ? set.title.en : set.title.zh,
        String(set.files),
      ]),
    );
  form.section(l.files);
  form.text(l.filesNote);
  form.finish();
  return form.doc;
}
