import { addDays, type CalendarDate } from '../../common/calendar';

/** Days before the end of its validity at which a certificate counts as expiring. */
export const EXPIRING_WITHIN_DAYS = 30;

export const CERTIFICATE_STATUSES = ['valid', 'expiring', 'expired', 'no_expiry'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const TECHNICIAN_QUALIFICATIONS = ['qualified', 'expired', 'missing'] as const;
/** What dispatch shows beside a technician for a product category. */
export type TechnicianQualification = (typeof TECHNICIAN_QUALIFICATIONS)[number];

export interface CertificateFacts {
  active: boolean;
  issuedOn: CalendarDate | null;
  validUntil: CalendarDate | null;
  productCategories: readonly string[];
}

/** A certificate's status on a day; the validUntil day itself is still valid (and expiring). */
export function certificateStatus(
  validUntil: CalendarDate | null,
  today: CalendarDate,
  expiringWithinDays = EXPIRING_WITHIN_DAYS,
): CertificateStatus {
  if (validUntil === null) return 'no_expiry';
  if (validUntil < today) return 'expired';
  return validUntil <= addDays(today, expiringWithinDays) ? 'expiring' : 'valid';
}

/** Whether a certificate qualifies its holder for a product category at all; general ones (no categories) do not. */
export function coversCategory(
  certificate: Pick<CertificateFacts, 'productCategories'>,
  category: string,
): boolean {
  return certificate.productCategories.includes(category);
}

/**
 * Whether a technician may repair a product category on a day: qualified when any active certificate
 * covering it is in force that day; 'expired' when the covering certificates have all run out (dispatch
 * marks such a technician); 'missing' when none covers it, or none is in force yet.
 */
export function technicianQualification(
  certificates: readonly CertificateFacts[],
  category: string,
  today: CalendarDate,
): TechnicianQualification {
  const covering = certificates.filter((c) => c.active && coversCategory(c, category));
  const started = covering.filter((c) => c.issuedOn === null || c.issuedOn <= today);
  if (started.some((c) => certificateStatus(c.validUntil, today) !== 'expired')) return 'qualified';
  return started.length > 0 ? 'expired' : 'missing';
}
