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

export type ExportParams = RegisterExportParams;

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
