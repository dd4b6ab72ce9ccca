import { addDays, type CalendarDate } from '../../common/calendar';
import type { Labels } from '../../common/labels';
import type { InspectionResult } from '../tool-inspection.entity';

/** Days before the next inspection date at which a tool counts as due. */
export const DUE_WITHIN_DAYS = 30;

export const INSPECTION_STATUSES = ['ok', 'due', 'overdue', 'failed', 'never_inspected'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const INSPECTION_STATUS_LABELS: Labels<InspectionStatus> = {
  ok: { zh: '正常', en: 'OK' },
  due: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  failed: { zh: '不合格', en: 'Failed' },
  never_inspected: { zh: '未检定', en: 'Never inspected' },
};

/** Results of an inspection (the vocabulary lives with the inspection entity). */
export const INSPECTION_RESULT_LABELS: Labels<InspectionResult> = {
  passed: { zh: '合格', en: 'Passed' },
  failed: { zh: '不合格', en: 'Failed' },
};

export interface ToolInspectionFacts {
  /** The result of the latest inspection by date; null before the first. */
  lastInspectionResult: InspectionResult | null;
  /** Set by passed inspections only. */
  nextInspectionDue: CalendarDate | null;
}

/**
 * Where a tool stands with its yearly inspection on a day. A failed latest inspection keeps the tool
 * flagged until a later one passes; the due date itself is still in time.
 */
export function inspectionStatus(
  tool: ToolInspectionFacts,
  today: CalendarDate,
  dueWithinDays = DUE_WITHIN_DAYS,
): InspectionStatus {
  if (tool.lastInspectionResult === 'failed') return 'failed';
  if (tool.nextInspectionDue === null) return 'never_inspected';
  if (tool.nextInspectionDue < today) return 'overdue';
  return tool.nextInspectionDue <= addDays(today, dueWithinDays) ? 'due' : 'ok';
}
