import { addMonths, type CalendarDate } from '../../common/calendar';

/**
 * Warranty of a sold unit (SPEC §2: warranty end = sold date + product warranty months). The end
 * date is the last day in warranty. An override (extended-warranty contract, goodwill) replaces the
 * standard end and always carries its reason.
 */

export const WARRANTY_STATUSES = ['in_warranty', 'out_of_warranty'] as const;
export type WarrantyStatus = (typeof WARRANTY_STATUSES)[number];

/** Sold date plus whole calendar months; a day the target month lacks becomes its last day (01-31 + 1 → 02-28). */
export function standardWarrantyEnd(soldOn: CalendarDate, warrantyMonths: number): CalendarDate {
  if (!Number.isInteger(warrantyMonths) || warrantyMonths < 0) {
    throw new RangeError(`Warranty months must be a whole number >= 0, not ${warrantyMonths}`);
  }
  return addMonths(soldOn, warrantyMonths);
}

export interface WarrantyDates {
  standardWarrantyEnd: CalendarDate;
  warrantyEndOverride: CalendarDate | null;
}

export function effectiveWarrantyEnd(asset: WarrantyDates): CalendarDate {
  return asset.warrantyEndOverride ?? asset.standardWarrantyEnd;
}

/** In warranty up to and including the end day; out of warranty from the day after. */
export function warrantyStatus(end: CalendarDate, onDate: CalendarDate): WarrantyStatus {
  return onDate <= end ? 'in_warranty' : 'out_of_warranty';
}

export interface WarrantyOverride {
  warrantyEndOverride: CalendarDate | null;
  warrantyOverrideReason: string | null;
}

/** What a create or change sends; undefined leaves a field as it is. */
export interface WarrantyOverrideChange {
  warrantyEndOverride?: CalendarDate | null;
  warrantyOverrideReason?: string | null;
}

export type OverrideOutcome = { ok: true; value: WarrantyOverride } | { ok: false; problem: string };

/**
 * Applies a change to the override. Setting an end date needs its reason in the same change (a new
 * decision needs its own justification); clearing the date clears the reason; a reason alone only
 * rewords the reason of an override in force. The answer holds the two override fields only, so
 * that it can be spread over a record's other fields.
 */
export function changeWarrantyOverride(
  current: WarrantyOverride,
  change: WarrantyOverrideChange,
): OverrideOutcome {
  const reason = change.warrantyOverrideReason?.trim() || null;
  if (change.warrantyEndOverride === null) {
    return { ok: true, value: { warrantyEndOverride: null, warrantyOverrideReason: null } };
  }
  if (change.warrantyEndOverride !== undefined) {
    return reason === null
      ? { ok: false, problem: 'warrantyOverrideReason is required with warrantyEndOverride' }
      : {
          ok: true,
          value: { warrantyEndOverride: change.warrantyEndOverride, warrantyOverrideReason: reason },
        };
  }
  const { warrantyEndOverride } = current;
  if (change.warrantyOverrideReason === undefined) {
    return {
      ok: true,
      value: { warrantyEndOverride, warrantyOverrideReason: current.warrantyOverrideReason },
    };
  }
  if (warrantyEndOverride === null) {
    return { ok: false, problem: 'warrantyOverrideReason is only accepted with warrantyEndOverride' };
  }
  return reason === null
    ? { ok: false, problem: 'warrantyOverrideReason cannot be removed while warrantyEndOverride is set' }
    : { ok: true, value: { warrantyEndOverride, warrantyOverrideReason: reason } };
}
