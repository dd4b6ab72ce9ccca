/**
 * Serial numbers are matched case-insensitively (the hotline reads them off a label), so they are
 * kept trimmed and in upper case: the unique index then refuses "sn1" beside "SN1", and a lookup is
 * an exact match on that index.
 */
export function normalizeSerialNumber(serialNumber: string): string {
  return serialNumber.trim().toUpperCase();
}
