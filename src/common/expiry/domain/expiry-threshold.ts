import { addDays } from '../../calendar';

/** Managers are warned this many days before a certificate, agreement or licence runs out. */
export const EXPIRY_WARNING_DAYS = 30;

export type ExpiryThreshold = 'expiring' | 'expired';

/**
 * Which alert a validity calls for today: `expired` once its last valid day has passed, `expiring`
 * from the warning window up to and including that last day, none before.
 */
export function expiryThreshold(
  validUntil: string,
  today: string,
  warningDays = EXPIRY_WARNING_DAYS,
): ExpiryThreshold | null {
  if (validUntil < today) return 'expired';
  if (validUntil <= addDays(today, warningDays)) return 'expiring';
  return null;
}
