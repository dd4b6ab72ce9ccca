import type { Language } from '../../common/errors/error-messages';
import type { Role } from '../../users/domain/roles';
import type { ExportFormat } from '../writers/table-writer';
import type { EvidenceCode } from './evidence-types';
import type { ExportPeriod } from './export-table';

/** Who may request, read and download exports (issue 7 §7). */
export const EXPORT_ROLES: readonly Role[] = ['manager', 'auditor', 'admin'];

export const EXPORT_TYPES = ['register', 'pack'] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Statuses as a Chinese reader is told them. */
export const EXPORT_STATUS_NAMES: Record<ExportStatus, string> = {
  queued: '排队中',
  running: '生成中',
  done: '已完成',
  failed: '失败',
};

export const EXPORT_LANGUAGES = ['zh', 'en'] as const satisfies readonly Language[];

/** What a register export was asked for; kept on the row so that a retry builds the same thing. */
export interface RegisterExportParams extends ExportPeriod {
  evidence: EvidenceCode;
  format: ExportFormat;
  lang: Language;
}

/**
 * What an audit pack was asked for. The seed is chosen when the pack is requested (a random one unless
 * given), so that a retry draws the same sample and an auditor can redo the draw.
 */
export interface PackExportParams extends ExportPeriod {
  lang: Language;
  sampleSize: number;
  seed: string;
}

export type ExportParams = RegisterExportParams | PackExportParams;

/** Tells a pack's parameters from a register's (a stored row's type says the same). */
export function isPackParams(params: ExportParams): params is PackExportParams {
  return 'seed' in params;
}

/** The largest sample a pack may be asked for: each sampled record is a form of its own in the ZIP. */
export const MAX_PACK_SAMPLE_SIZE = 50;
/** A seed is written into the pack and the audit trail; kept short and plain so it can be read out. */
export const PACK_SEED_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const ZIP_CONTENT_TYPE = 'application/zip';

/** One file an export produced, as the row, the audit trail and (later) a pack manifest describe it. */
export interface ExportFile {
  /** The file's name, as the download offers it (inside a pack: its path in the ZIP). */
  path: string;
  contentType: string;
  bytes: number;
  sha256: string;
  records: number;
}

/**
 * A build that has not reported progress for this long is taken for dead (its worker was killed): a
 * person may then retry it. Well above PROGRESS_INTERVAL_MS, so a slow but live build is never taken.
 */
export const STALLED_AFTER_MS = 10 * 60 * 1000;
/** How often a running build writes its percent (and so shows it is alive). */
export const PROGRESS_INTERVAL_MS = 5 * 1000;

/**
 * Percent done while rows are written. Records added after the count would take it past 100, so it
 * stays at 99 until the file is stored; an empty period is 0 until then.
 */
export function progressPercent(written: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(99, Math.floor((written * 100) / total));
}

/** Whether a person may send the export back to the queue: after a failure, or when its build died. */
export function isRetryable(status: ExportStatus, progressAt: Date | null, now: Date): boolean {
  if (status === 'failed') return true;
  return (
    status === 'running' && progressAt !== null && now.getTime() - progressAt.getTime() >= STALLED_AFTER_MS
  );
}

/** The download name of a register: evidence code and period, e.g. `repair-requests_2026-01-01_2026-06-30.xlsx`. */
export function registerFileName(params: RegisterExportParams, extension: string): string {
  return `${params.evidence}_${params.from}_${params.to}.${extension}`;
}

/** The download name of an audit pack, e.g. `audit-pack_2026-01-01_2026-06-30.zip`. */
export function packFileName(period: ExportPeriod): string {
  return `audit-pack_${period.from}_${period.to}.zip`;
}

/**
 * Where an attempt's file is kept in the exports store. The attempt keeps two builds of one export
 * apart (a retry of a build taken for dead that still finishes); the name is reduced to what storage
 * keys allow.
 */
export function exportStorageKey(exportId: string, attempt: number, fileName: string): string {
  return `${exportId}/${attempt}/${fileName.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The line under a register's title: who, which period, when it was made (in the company's zone). */
export function registerSubtitle(
  companyName: string,
  period: ExportPeriod,
  generatedAt: string,
  timeZone: string,
  language: Language,
): string {
  return language === 'en'
    ? `${companyName} · Period ${period.from} to ${period.to} · Generated ${generatedAt} (${timeZone})`
    : `${companyName} · 期间 ${period.from} 至 ${period.to} · 生成时间 ${generatedAt}（${timeZone}）`;
}
